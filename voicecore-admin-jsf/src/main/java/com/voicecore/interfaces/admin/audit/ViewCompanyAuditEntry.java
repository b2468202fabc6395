package com.voicecore.interfaces.admin.audit;

import com.voicecore.application.console.AdminAuditService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.interfaces.admin.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * /tenant/audit-entry.xhtml?id=...: one entry. The id comes from the URL, so it is anyone's guess: the
 * service looks it up in the request's tenant, and anything else is the same "not found".
 */
@Named
@ViewScoped
public class ViewCompanyAuditEntry implements Serializable {

    @Inject
    AdminAuditService audit;

    private String id;
    private AdminAuditService.Entry entry;

    /** The page's f:viewAction. */
    public void load() {
        Optional<UUID> parsed = Pages.id(id);
        if (parsed.isEmpty()) {
            Pages.notFound();
            return;
        }
        try {
            entry = audit.tenantEntry(parsed.get());
        } catch (UnknownEntityException e) {
            Pages.notFound();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public AdminAuditService.Entry getEntry() {
        return entry;
    }
}
