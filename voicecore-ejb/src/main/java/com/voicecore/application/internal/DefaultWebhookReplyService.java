package com.voicecore.application.internal;

import com.voicecore.application.WebhookReplyService;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.routing.CallScript;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

@Stateless
public class DefaultWebhookReplyService implements WebhookReplyService {

    static final int MAX_TOKEN = 200;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Inject
    CallRepository calls;

    @Override
    public String answerOnce(String idempotencyToken, String callSid, Supplier<CallScript> work,
                             Function<CallScript, String> render) {
        // the lock before the look-up: a retry waiting here sees the first delivery's committed answer
        if (callSid != null && !callSid.isBlank()) {
            calls.lockBySid(callSid);
        }
        Optional<String> earlier = earlierReply(idempotencyToken);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String twiml = render.apply(work.get());
        remember(idempotencyToken, callSid, twiml);
        return twiml;
    }

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
