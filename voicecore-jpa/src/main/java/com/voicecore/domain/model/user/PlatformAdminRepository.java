package com.voicecore.domain.model.user;

import java.util.Optional;
import java.util.UUID;

/** The platform admins, reached only through the platform path (db/V11). */
public interface PlatformAdminRepository {

    Optional<PlatformAdmin> findByEmail(String email);

    /** Stores the outcome of a sign-in attempt (failures in a row, lock). */
    void saveLoginState(PlatformAdmin admin);

    /** Adds an admin; a {@code DuplicateEntityException} when the e-mail is taken. */
    UUID add(String email, String displayName, String passwordHash);
}
