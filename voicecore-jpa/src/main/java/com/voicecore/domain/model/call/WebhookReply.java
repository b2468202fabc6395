package com.voicecore.domain.model.call;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The answer VoiceCore gave one Twilio webhook, kept by Twilio's idempotency token so that a retry
 * gets the same answer and nothing runs twice. Written once, read by token.
 */
@Entity
@Table(name = "webhook_replies")
public class WebhookReply extends TenantOwnedEntity {

    @Column(name = "idempotency_token", nullable = false, length = 200, updatable = false)
    private String idempotencyToken;

    @Column(name = "call_sid", length = 64, updatable = false)
    private String callSid;

    @Column(name = "twiml", nullable = false, updatable = false)
    private String twiml;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookReply() {
    }

    public String idempotencyToken() {
        return idempotencyToken;
    }

    public String callSid() {
        return callSid;
    }

    public String twiml() {
        return twiml;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
