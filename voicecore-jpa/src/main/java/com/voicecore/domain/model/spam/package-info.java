/**
 * Spam and robocall screening. {@link com.voicecore.domain.model.spam.SpamRule} is a tenant's rule
 * (stored); {@link com.voicecore.domain.model.spam.SpamScreen} is the policy that weighs a
 * {@link com.voicecore.domain.model.spam.CallerProfile} against the tenant's rules and the platform's
 * signals (STIR/SHAKEN, withheld or impossible caller IDs, call velocity, neighbour spoofing, other
 * tenants' reports) into a {@link com.voicecore.domain.model.spam.SpamVerdict}. Pure domain logic: no
 * database, no clock, no network; the same inputs always give the same verdict.
 */
package com.voicecore.domain.model.spam;
