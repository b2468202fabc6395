/** Password hashing for console users. */
package com.voicecore.infrastructure.security;
