package com.voicecore.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * "Try a call" in the console: the admin types what a caller says and sees how the real receptionist
 * (the tenant's knowledge base, languages, directory and spam keywords) answers and where it would
 * route, before going live. A test call is a real call record in the current tenant, marked as a test:
 * it appears in the call log with its transcript, rings nobody, queues nowhere and is never billed.
 */
public interface TestCallService {

    /** Places a test call; the receptionist picks up and speaks first. */
    TestCallStep start();

    /**
     * The caller says {@code words}; the receptionist answers. A hand-over or a goodbye ends the test
     * call (the step says where the call would have gone). Unknown, ended, another tenant's or a real
     * call's id: {@link com.voicecore.application.exception.UnknownEntityException} or a conflict.
     */
    TestCallStep say(@NotNull(message = "A test call is required") UUID callId,
                     @NotBlank(message = "Type what the caller says")
                     @Size(max = 500, message = "What the caller says must be at most 500 characters") String words);

    /** The caller hangs up; the transcript and summary are stored on the call. Idempotent. */
    TestCallStep hangUp(@NotNull(message = "A test call is required") UUID callId);

    /**
     * One step of a test call: the receptionist's reply (null after a hang-up), in which language,
     * the intent it recognised in the caller's words (null for the greeting), where the call would be
     * handed over (null while the conversation goes on), and whether the call is over.
     */
    record TestCallStep(UUID callId, String reply, String language, String intent, String route, boolean ended) {
    }
}
