package com.voicecore.interfaces.admin.calls;

import com.voicecore.application.TestCallService;
import com.voicecore.application.TestCallService.TestCallStep;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * /tenant/try-call.xhtml: the admin places a test call, types what the caller says and reads each
 * answer of the real receptionist (language, recognised intent, where it would route). The call lands
 * in the call log as a test call with its transcript; nobody is rung and nothing is billed.
 */
@Named
@ViewScoped
public class TryACall implements Serializable {

    /** One line of the conversation as the page shows it. */
    public record Line(String speaker, String text, String language, String intent, String route) implements Serializable {
    }

    @Inject
    TestCallService testCalls;

    private UUID callId;
    private boolean ended;
    private String words;
    private final List<Line> lines = new ArrayList<>();

    public void start() {
        lines.clear();
        TestCallStep step = testCalls.start();
        callId = step.callId();
        ended = false;
        lines.add(new Line("Receptionist", step.reply(), step.language(), null, null));
    }

    public void say() {
        if (callId == null || ended) {
            Messages.error("tryCall:words", "Start a test call first");
            return;
        }
        try {
            TestCallStep step = testCalls.say(callId, words);
            lines.add(new Line("Caller", words.strip(), null, null, null));
            lines.add(new Line("Receptionist", step.reply(), step.language(), step.intent(), step.route()));
            ended = step.ended();
            words = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void hangUp() {
        if (callId != null && !ended) {
            testCalls.hangUp(callId);
            ended = true;
        }
    }

    public boolean isActive() {
        return callId != null && !ended;
    }

    public UUID getCallId() {
        return callId;
    }

    public boolean isEnded() {
        return ended;
    }

    public List<Line> getLines() {
        return lines;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
