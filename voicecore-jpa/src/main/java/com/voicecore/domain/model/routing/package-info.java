/**
 * What a call should do next, independent of TwiML: the call path (and later the AI receptionist)
 * decides in these terms; the web edge renders them for Twilio.
 */
package com.voicecore.domain.model.routing;
