package com.voicecore.application.internal;

import com.voicecore.application.CallQueueService;
import com.voicecore.application.TelephonyService;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.ServiceUnavailableException;
import com.voicecore.application.telephony.CallControl;
import com.voicecore.application.telephony.CallControlResult;
import com.voicecore.application.telephony.TwilioCredentials;
import com.voicecore.domain.model.queue.QueueEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultCallQueueService implements CallQueueService {

    @Inject
    QueueDesk desk;

    @Inject
    TelephonyService telephony;

    @Inject
    CallControl callControl;

    @Inject
    Clock clock;

    @Override
    public void accept(UUID agentId, UUID offerId, URI bridgeUrl) {
        Optional<QueueEntry> entry = desk.accept(agentId, offerId);
        if (entry.isEmpty()) {
            throw new ConflictException("offerId", "The offer is no longer open (it expired, was taken, or is not yours)");
        }
        TwilioCredentials credentials = telephony.credentials()
                .orElseThrow(() -> new ServiceUnavailableException("No Twilio account is connected"));
        // Inside the transaction on purpose: if Twilio does not move the call, the accept rolls back and
        // the caller stays queued (the offer rings on until it expires) - nothing is lost.
        CallControlResult moved = callControl.redirect(credentials, entry.get().callSid(), bridgeUrl);
        if (!moved.ok()) {
            throw new ServiceUnavailableException("Twilio did not move the call: " + moved.detail());
        }
    }

    @Override
    public boolean reject(UUID agentId, UUID offerId) {
        return desk.reject(agentId, offerId);
    }

    @Override
    public String snapshot(UUID departmentId) {
        Instant now = clock.instant();
        List<QueueEntry> ordered = desk.queued(departmentId);
        return RealtimeAnnouncer.queueMessage(departmentId, ordered, now, desk.policy(),
                ordered.isEmpty() ? Duration.ZERO : desk.estimatedWait(departmentId, ordered.size())).toString();
    }

    @Override
    public List<String> snapshots() {
        return desk.busyDepartments().stream().map(this::snapshot).toList();
    }

    @Override
    public void sweep() {
        desk.expireOffers();
        desk.busyDepartments().forEach(desk::dispatch);
    }
}
