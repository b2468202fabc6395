package com.voicecore.application;

import com.voicecore.domain.model.routing.CallScript;

import java.util.Map;

/**
 * The call path of a tenant's incoming calls: credits, spam screening, business hours, the greeting
 * (extension digits go straight to the agent), the receptionist, and where calls end up. Every
 * method answers what the call does next and records each step on the call. Every method is safe to
 * repeat: Twilio retries webhooks.
 */
public interface CallRoutingService {

    CallScript incoming(IncomingCall call);

    CallScript challengeAnswered(String callSid, CallerInput input);

    CallScript greetingAnswered(String callSid, CallerInput input);

    CallScript receptionist(String callSid);

    CallScript receptionistAnswered(String callSid, CallerInput input, Map<String, String> context);

    /** One turn of a queued caller's wait (the caller may have pressed the voicemail key). */
    CallScript queueWait(String callSid, CallerInput input);

    /** The TwiML a queued caller is moved to once an agent accepted: dial that agent. */
    CallScript queueBridge(String callSid);

    CallScript dialEnded(String callSid, String dialCallStatus, Map<String, String> context);

    /** As above, with Twilio's DialCallDuration (the talk time of an answered dial), when it sent one. */
    default CallScript dialEnded(String callSid, String dialCallStatus, Integer dialCallDuration, Map<String, String> context) {
        return dialEnded(callSid, dialCallStatus, context);
    }

    /** The TwiML of a call moved by a REST transfer: dial the number, showing the caller's own ID. */
    CallScript transferred(String callSid, String to);

    CallScript voicemailRecorded(String callSid, RecordingReport recording, Map<String, String> context);

    /**
     * Where a call goes when something inside failed: the tenant's fallback number, else the
     * reception voicemail; never an error. Runs in a transaction of its own.
     */
    CallScript fallback(String callSid, String from, String to);
}
