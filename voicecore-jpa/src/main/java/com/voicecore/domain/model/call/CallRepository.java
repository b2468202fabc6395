package com.voicecore.domain.model.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's calls. */
public interface CallRepository {

    Optional<Call> find(UUID id);

    Optional<Call> findBySid(String twilioCallSid);

    /** The call with this SID, locked until the transaction ends: callbacks for one call queue up. */
    Optional<Call> lockBySid(String twilioCallSid);

    /**
     * Stores a newly offered call unless Twilio already offered it (a retried webhook); either way
     * returns the stored call, locked.
     */
    Call storeIfNew(Call call);

    /** Stores a call VoiceCore made itself (a console test call): no webhook can race it. */
    void store(Call call);

    /** Calls from this number since the given time, the call with {@code exceptSid} not counted. */
    int countRecentFrom(String from, Instant since, String exceptSid);

    /** Records one status callback; false when the same report was recorded before. */
    boolean recordEvent(Call call, String event, String status, Integer sequenceNumber, Instant occurredAt, String detailJson);

    List<CallEvent> events(Call call);

    /**
     * Adds a step to a call's route in one statement, without writing the rest of the call: for work
     * that holds no lock on the call while it waits for an outside service.
     */
    void appendStep(java.util.UUID callId, RouteStep step);

    CallPage search(CallCriteria criteria, int page, int size);
}
