/**
 * Twilio's voice webhooks: every request's signature is checked with its tenant's auth token before
 * anything runs, the call path answers, and the answer is rendered as TwiML. Twilio never gets an
 * error page: a failure inside becomes an apology and the tenant's fallback.
 */
package com.voicecore.interfaces.twilio;
