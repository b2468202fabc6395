/** Password hashing for console users, and encryption of tenant secrets (Twilio auth tokens) at rest. */
package com.voicecore.infrastructure.security;
