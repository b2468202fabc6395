package com.voicecore.interfaces.admin.tenant;

import com.voicecore.interfaces.admin.Pages;
import com.voicecore.application.console.AuditedChanges;
import com.voicecore.interfaces.admin.Messages;
import com.voicecore.interfaces.admin.security.SignedInUser;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * What every company page bean shares: who acts (for the audit log), the audited way to change
 * things, and ids from URLs. An id that is malformed, unknown or another tenant's (row-level security
 * hides it) gets the same 404 page, so editing a URL tells nothing about other tenants.
 */
abstract class CompanyPage implements Serializable {

    @Inject
    SignedInUser user;

    @Inject
    AuditedChanges changes;

    String actor() {
        return user.actor();
    }

    UUID actingUser() {
        return user.identity().userId();
    }

    /** Runs a change; a refusal (business rule, validation) becomes messages and answers false: nothing was saved. */
    static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            Messages.refused(e);
            return false;
        }
    }

    static Optional<UUID> id(String raw) {
        return Pages.id(raw);
    }

    static void notFound() {
        Pages.notFound();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
