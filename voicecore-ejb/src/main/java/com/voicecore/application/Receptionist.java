package com.voicecore.application;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.routing.CallScript;

import java.util.Map;

/**
 * The receptionist step of the call path, after the greeting. The department menu implements it
 * now; the AI receptionist replaces it without the call path changing. Hand-overs (a department, an
 * agent, voicemail) go through {@link CallHandover}, so every receptionist routes the same way.
 */
public interface Receptionist {

    /** The caller reached the receptionist (no extension dialled during the greeting). */
    CallScript welcome(Call call);

    /** The caller answered the receptionist's last prompt (or said nothing). */
    CallScript answered(Call call, CallerInput input, Map<String, String> context);
}
