package com.voicecore.application.internal;

import com.voicecore.application.WebhookReplyService;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultWebhookReplyService implements WebhookReplyService {

    static final int MAX_TOKEN = 200;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public Optional<String> earlierReply(String idempotencyToken) {
        if (idempotencyToken == null || idempotencyToken.isBlank() || idempotencyToken.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return em.createNativeQuery("select twiml from webhook_replies where idempotency_token = ?1", String.class)
                .setParameter(1, idempotencyToken)
                .getResultStream().map(String.class::cast).findFirst();
    }

    @Override
    public void remember(String idempotencyToken, String callSid, String twiml) {
        if (idempotencyToken == null || idempotencyToken.isBlank() || idempotencyToken.length() > MAX_TOKEN) {
            return;
        }
        em.createNativeQuery("insert into webhook_replies (id, tenant_id, idempotency_token, call_sid, twiml) "
                        + "values (?1, nullif(current_setting('app.current_tenant', true), '')::uuid, ?2, ?3, ?4) "
                        + "on conflict (tenant_id, idempotency_token) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, idempotencyToken)
                .setParameter(3, callSid)
                .setParameter(4, twiml)
                .executeUpdate();
        // a day is far beyond Twilio's retries; old answers go as new ones come
        em.createNativeQuery("delete from webhook_replies where created_at < now() - interval '1 day'").executeUpdate();
    }
}
