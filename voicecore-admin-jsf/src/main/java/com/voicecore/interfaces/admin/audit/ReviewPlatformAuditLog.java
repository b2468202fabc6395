package com.voicecore.interfaces.admin.audit;

import com.voicecore.application.console.AdminAuditService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** /platform/audit.xhtml: a platform admin reviews what platform admins did. */
@Named
@ViewScoped
public class ReviewPlatformAuditLog implements Serializable {

    @Inject
    AdminAuditService audit;

    private List<AdminAuditService.Entry> entries;

    public List<AdminAuditService.Entry> getEntries() {
        if (entries == null) {
            entries = audit.platformLog(500, 0);
        }
        return entries;
    }
}
