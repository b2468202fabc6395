/**
 * What the agent softphone (the PWA at {@code /agent/}) asks of the application besides the agent
 * protocol: how its calls reach it (a Twilio Voice SDK access token, or the local call simulator) and
 * the agent's department's voicemail.
 */
package com.voicecore.application.softphone;
