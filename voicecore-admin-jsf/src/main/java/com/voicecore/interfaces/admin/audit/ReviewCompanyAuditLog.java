package com.voicecore.interfaces.admin.audit;

import com.voicecore.application.console.AdminAuditService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** /tenant/audit.xhtml: a tenant admin reviews what the company's admins did (the request's tenant only). */
@Named
@ViewScoped
public class ReviewCompanyAuditLog implements Serializable {

    @Inject
    AdminAuditService audit;

    private List<AdminAuditService.Entry> entries;

    public List<AdminAuditService.Entry> getEntries() {
        if (entries == null) {
            entries = audit.tenantLog(500, 0);
        }
        return entries;
    }
}
