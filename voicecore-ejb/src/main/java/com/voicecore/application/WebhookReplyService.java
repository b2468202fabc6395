package com.voicecore.application;

import java.util.Optional;

/**
 * The answers given to Twilio, by its idempotency token: a retried webhook gets the first answer
 * again and runs nothing. Kept a day (Twilio retries within seconds).
 */
public interface WebhookReplyService {

    Optional<String> earlierReply(String idempotencyToken);

    void remember(String idempotencyToken, String callSid, String twiml);
}
