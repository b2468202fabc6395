package com.voicecore.application;

import com.voicecore.domain.model.routing.CallScript;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The answers given to Twilio, by its idempotency token: a retried webhook gets the first answer
 * again and runs nothing. Kept a day (Twilio retries within seconds).
 */
public interface WebhookReplyService {

    Optional<String> earlierReply(String idempotencyToken);

    void remember(String idempotencyToken, String callSid, String twiml);

    /**
     * Runs a webhook's work at most once per idempotency token, in one transaction: the call's row is
     * locked first, then the earlier answer is looked for, then the work runs, is rendered and its
     * answer stored, all before the lock is released. A retry that arrives while the first delivery
     * is still running waits on the lock and then finds the stored answer instead of running again.
     *
     * @param work   the call path's decision (joins this transaction)
     * @param render TwiML from the decision (the web edge knows the public URLs)
     * @return the TwiML to answer with
     */
    String answerOnce(String idempotencyToken, String callSid, Supplier<CallScript> work, Function<CallScript, String> render);
}
