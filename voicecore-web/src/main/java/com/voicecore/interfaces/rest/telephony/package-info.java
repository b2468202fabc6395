/** The tenant's Twilio account and phone numbers. */
package com.voicecore.interfaces.rest.telephony;
