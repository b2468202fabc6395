package com.voicecore.interfaces.admin.calls;

import com.voicecore.interfaces.admin.Pages;
import com.voicecore.application.CallLogService;
import com.voicecore.domain.model.voicemail.Voicemail;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * /tenant/voicemail.xhtml: one department's voicemail, newest first (the department chosen from the
 * tenant's own; the service returns only that department's messages, Property 19).
 */
@Named
@ViewScoped
public class ReviewVoicemail implements Serializable {

    static final int LIMIT = 200;

    @Inject
    CallLogService log;

    private String departmentId;
    private List<Voicemail> messages = List.of();

    public void show() {
        messages = Pages.id(departmentId).map(d -> log.voicemail(d, LIMIT)).orElse(List.of());
    }

    public String playable(String url) {
        return url == null ? null : ViewCall.playable(url);
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public List<Voicemail> getMessages() {
        return messages;
    }
}
