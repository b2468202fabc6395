package com.voicecore.application.internal;

import com.voicecore.application.CallEventService;
import com.voicecore.application.RecordingReport;
import com.voicecore.application.StatusCallback;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.call.CallStatusReport;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.notification.NotificationRepository;
import com.voicecore.domain.model.notification.TenantNotification;
import com.voicecore.domain.model.plan.BillingPeriod;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.CreditLedger;
import com.voicecore.domain.model.voicemail.VoicemailRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.time.Clock;

/**
 * Folds Twilio's callbacks into calls. Status callbacks may come twice and out of order: each is
 * recorded once (by call, event and sequence number), the call folds it order-independently, and a
 * finished call is debited once (the ledger holds one line per call).
 */
@Stateless
public class DefaultCallEventService implements CallEventService {

    @Inject
    CallRepository calls;

    @Inject
    CreditLedger ledger;

    @Inject
    NotificationRepository notifications;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    Clock clock;

    @Inject
    QueueDesk queueDesk;

    @Override
    public void statusChanged(StatusCallback callback) {
        // a status for a call whose incoming webhook never reached us still makes a record
        Call call = calls.storeIfNew(Call.inbound(callback.callSid(), callback.from(), callback.to(), callback.timestamp(),
                null, null));
        String detail = callback.durationSeconds()
                .map(d -> Json.createObjectBuilder().add("duration", d).build().toString())
                .orElse("{}");
        if (!calls.recordEvent(call, callback.event(), callback.status().code(), callback.sequenceNumber(),
                callback.timestamp(), detail)) {
            return; // the same report again
        }
        boolean wasOver = call.hasEnded();
        call.apply(new CallStatusReport(callback.status(), callback.sequenceNumber(), callback.timestamp(),
                callback.durationSeconds()));
        if (call.hasEnded() && !wasOver) {
            call.recordStep(RouteStep.ENDED, call.status().code() + " after " + call.durationSeconds() + " s", clock.instant());
            queueDesk.callEnded(call); // a caller still queued abandoned it; a bridged call's agent wraps up
        }
        bill(call);
    }

    private void bill(Call call) {
        int minutes = call.billableMinutes();
        if (minutes == 0) {
            return;
        }
        BillingPeriod period = BillingPeriod.containing(call.endedAt().orElse(call.startedAt()));
        ledger.lockForDebit();
        CreditBalance before = ledger.balance(period);
        if (!ledger.debit(call, period, minutes)) {
            return;
        }
        call.billed(minutes);
        for (int threshold : before.thresholdsCrossedBy(minutes)) {
            CreditBalance after = before.after(minutes);
            notifications.recordOnce(TenantNotification.creditsKind(threshold), period.start(), Json.createObjectBuilder()
                    .add("threshold", threshold)
                    .add("usedMinutes", after.usedMinutes())
                    .add("includedMinutes", after.includedMinutes())
                    .build().toString());
        }
    }

    @Override
    public void callRecorded(String callSid, RecordingReport recording) {
        if (!"completed".equalsIgnoreCase(recording.status())) {
            return;
        }
        calls.lockBySid(callSid).ifPresent(call -> call.recorded(recording.recordingSid(), recording.url(),
                recording.durationSeconds()));
    }

    @Override
    public void voicemailTranscribed(String recordingSid, String text, String status) {
        voicemails.findByRecording(recordingSid).ifPresent(v -> v.transcribed(text, status));
    }
}
