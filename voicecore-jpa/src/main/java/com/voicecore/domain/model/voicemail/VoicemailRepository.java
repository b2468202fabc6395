package com.voicecore.domain.model.voicemail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's voicemail. */
public interface VoicemailRepository {

    /** Stores a message unless its recording is stored already (Twilio retries); returns the stored one. */
    Voicemail storeIfNew(Voicemail voicemail);

    Optional<Voicemail> findByRecording(String recordingSid);

    List<Voicemail> forDepartment(UUID departmentId, int limit);
}
