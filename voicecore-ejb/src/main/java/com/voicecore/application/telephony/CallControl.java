package com.voicecore.application.telephony;

import java.net.URI;

/**
 * Acts on live calls at the telephony provider. Implementations never throw for provider failures:
 * a refused request, an outage, a timeout or an open circuit all come back as a not-ok
 * {@link CallControlResult} with the reason.
 */
public interface CallControl {

    /** Moves a live call to new TwiML (used to dequeue a chosen caller or to transfer). */
    CallControlResult redirect(TwilioCredentials account, String callSid, URI twimlUrl);

    /**
     * Forwards to an outside number through the REST API keeping the original caller's ID: the new call
     * is placed with From = the original caller and CallToken = the inbound call's {@code CallToken}
     * webhook parameter, which is what lets Twilio present a number the account does not own (and keep
     * its STIR/SHAKEN attestation).
     *
     * @param twimlUrl       what the forwarded leg runs when answered (e.g. a whisper, then a bridge)
     * @param statusCallback where the new leg's status changes are posted
     */
    CallControlResult forward(TwilioCredentials account, String originalCaller, String callToken, String to,
                              URI twimlUrl, URI statusCallback);

    CallControlResult hangUp(TwilioCredentials account, String callSid);
}
