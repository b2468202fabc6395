package com.voicecore.application;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.shared.PhoneNumber;

import java.net.URI;
import java.util.UUID;

/**
 * Moves a live call to an outside number through Twilio's REST API (the call is redirected to TwiML
 * that dials the number without a caller ID override, so the other side sees the original caller).
 */
public interface CallTransferService {

    /**
     * @param twiml where Twilio fetches the call's new TwiML; the web edge knows the public address
     */
    Call transferToNumber(UUID callId, PhoneNumber to, URI twiml);
}
