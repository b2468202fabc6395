package com.voicecore.application.internal;

import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.user.TenantUser;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/**
 * The e-mail a tenant user signs in with (console and softphone) is the user's one identity, unique in
 * the tenant regardless of case (db/V1's index on lower(email)); both the invitation and an agent's
 * e-mail change check it here so the refusal reads the same.
 */
final class SignInEmails {

    private SignInEmails() {
    }

    /** Refuses an e-mail someone else in the current tenant signs in with ({@code self} may keep its own). */
    static void requireFree(EntityManager em, EmailAddress email, UUID self) {
        Optional<TenantUser> holder = em.createNamedQuery("TenantUser.findByEmail", TenantUser.class)
                .setParameter("email", email.value())
                .getResultStream()
                .filter(u -> !u.id().equals(self))
                .findFirst();
        if (holder.isPresent()) {
            throw new DuplicateEntityException("email", "Someone in your company already signs in with " + email.value());
        }
    }
}
