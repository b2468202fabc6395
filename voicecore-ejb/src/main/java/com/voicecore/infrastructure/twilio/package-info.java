/**
 * The Twilio REST adapter: {@link com.voicecore.infrastructure.twilio.TwilioRestCallControl} implements the
 * application's {@code CallControl} port with twilio-java, guarded by MicroProfile Fault Tolerance, over
 * {@link com.voicecore.infrastructure.twilio.TwilioApiHttpClient} (one attempt per call, honest timeouts,
 * a configurable API base URL for tests and the local simulator).
 */
package com.voicecore.infrastructure.twilio;
