package com.voicecore.interfaces.admin.calls;

import com.voicecore.interfaces.admin.Pages;
import com.voicecore.application.CallLogService;
import com.voicecore.application.ConversationRecord;
import com.voicecore.application.ConversationService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallEvent;
import com.voicecore.domain.model.call.RouteStep;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * /tenant/call.xhtml?id=...: one call with its status history, route, spam verdict, conversation
 * (turns with language and intent, transcript, summary), recording and credits. The id comes from the
 * URL, so it is anyone's guess: the service looks it up in the signed-in user's tenant and anything
 * else is the same "not found".
 */
@Named
@ViewScoped
public class ViewCall implements Serializable {

    @Inject
    CallLogService log;

    @Inject
    ConversationService conversations;

    private String id;
    private CallRow call;
    private List<RouteStep> route = List.of();
    private List<String> spamReasons = List.of();
    private String spamAction;
    private String recordingUrl;
    private Integer recordingSeconds;
    private String transcript;
    private String summary;
    private List<CallEvent> history = List.of();
    private ConversationRecord conversation;

    /** The page's f:viewAction. */
    public void load() {
        Optional<UUID> parsed = Pages.id(id);
        if (parsed.isEmpty()) {
            Pages.notFound();
            return;
        }
        try {
            Call found = log.get(parsed.get());
            call = CallRow.of(found);
            route = found.route();
            spamReasons = found.spamReasons();
            spamAction = found.spamAction().orElse(null);
            recordingUrl = found.recordingUrl().map(ViewCall::playable).orElse(null);
            recordingSeconds = found.recordingDurationSeconds().orElse(null);
            transcript = found.transcript().orElse(null);
            summary = found.summary().orElse(null);
            history = log.history(found.id());
            conversation = conversations.conversation(found.id()).orElse(null);
        } catch (UnknownEntityException e) {
            Pages.notFound();
        }
    }

    /**
     * The recording as the browser's audio player loads it: the URL Twilio reported for this call (the
     * page is only shown for the tenant's own call), as MP3, and only if it is an https address, so a
     * stored value can never become a script or a plain-http fetch.
     */
    static String playable(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return null;
            }
            String text = uri.toString();
            return text.endsWith(".mp3") || text.endsWith(".wav") ? text : text + ".mp3";
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public CallRow getCall() {
        return call;
    }

    public List<RouteStep> getRoute() {
        return route;
    }

    public List<String> getSpamReasons() {
        return spamReasons;
    }

    public String getSpamAction() {
        return spamAction;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public Integer getRecordingSeconds() {
        return recordingSeconds;
    }

    public String getTranscript() {
        return transcript;
    }

    public String getSummary() {
        return summary;
    }

    public List<CallEvent> getHistory() {
        return history;
    }

    public List<ConversationRecord.Turn> getTurns() {
        return conversation == null ? List.of() : conversation.turns();
    }

    public ConversationRecord getConversation() {
        return conversation;
    }
}
