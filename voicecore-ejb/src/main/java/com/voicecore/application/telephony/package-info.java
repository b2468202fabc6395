/**
 * The port through which use cases act on live calls at the telephony provider (redirect to new TwiML,
 * forward to an outside number keeping the caller's ID, hang up). The Twilio REST adapter implements it
 * in {@code com.voicecore.infrastructure.twilio}.
 */
package com.voicecore.application.telephony;
