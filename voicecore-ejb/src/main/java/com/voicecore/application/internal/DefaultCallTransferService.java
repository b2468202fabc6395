package com.voicecore.application.internal;

import com.voicecore.application.CallTransferService;
import com.voicecore.application.TelephonyService;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.ServiceUnavailableException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.application.telephony.CallControl;
import com.voicecore.application.telephony.CallControlResult;
import com.voicecore.application.telephony.TwilioCredentials;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.shared.PhoneNumber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

@Stateless
public class DefaultCallTransferService implements CallTransferService {

    @Inject
    CallRepository calls;

    @Inject
    TelephonyService telephony;

    @Inject
    CallControl callControl;

    @Inject
    Clock clock;

    @Override
    public Call transferToNumber(UUID callId, PhoneNumber to, URI twiml) {
        Call call = calls.find(callId).orElseThrow(() -> new UnknownEntityException("call", callId));
        if (telephony.numbers().stream().anyMatch(n -> n.number().equals(to))) {
            throw new com.voicecore.application.exception.InvalidValueException("to",
                    to.e164() + " is one of this tenant's own numbers: the call would loop");
        }
        if (call.hasEnded()) {
            throw new ConflictException("callId", "The call has ended (" + call.status().code() + ")");
        }
        TwilioCredentials credentials = telephony.credentials()
                .orElseThrow(() -> new ConflictException("accountSid", "No Twilio account is connected"));
        // through the fault-tolerant adapter: timeouts, retries, the circuit breaker and a fallback
        CallControlResult result = callControl.redirect(credentials, call.twilioCallSid(), twiml);
        if (!result.ok()) {
            throw new ServiceUnavailableException("Twilio did not move the call: " + result.detail());
        }
        // the call is not locked while Twilio answers (seconds, with retries): the step is appended in
        // one statement, so status callbacks committed meanwhile are not overwritten
        calls.appendStep(call.id(), new RouteStep(RouteStep.TRANSFER, "to " + to.e164(), clock.instant()));
        return call;
    }
}
