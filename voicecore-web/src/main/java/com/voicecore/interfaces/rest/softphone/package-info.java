/**
 * The REST side of the agent softphone ({@code /agent/}): endpoints an agent token opens (the token
 * refresh, the Twilio Voice access token, the department's voicemail) and the tenant's softphone
 * settings (Twilio API key and TwiML app, with the tenant API key).
 */
package com.voicecore.interfaces.rest.softphone;
