package com.voicecore.application.internal;

import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.spam.CallerProfile;
import com.voicecore.domain.model.spam.SpamRuleRepository;
import com.voicecore.domain.model.spam.SpamScreen;
import com.voicecore.domain.model.spam.SpamThresholds;
import com.voicecore.domain.model.spam.SpamVerdict;
import com.voicecore.domain.model.spam.StirVerification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * Gathers what the spam policy needs about a caller (its recent calls to this tenant, reports by
 * other tenants) and asks the tenant's rules: one place for the call path and "test a number".
 */
@ApplicationScoped
public class CallerScreening {

    /** Calls from one number within this window count towards its velocity. */
    static final Duration VELOCITY_WINDOW = Duration.ofMinutes(10);

    @Inject
    CallRepository calls;

    @Inject
    SpamRuleRepository spam;

    /** @param exceptSid the call being screened, not counted towards its own velocity ("" for none) */
    SpamVerdict screen(String from, String to, String stirVerstat, Instant at, String exceptSid) {
        int recent = calls.countRecentFrom(from, at.minus(VELOCITY_WINDOW), exceptSid);
        CallerProfile profile = new CallerProfile(from, to == null ? "" : to, StirVerification.parse(stirVerstat), recent,
                spam.reportsElsewhere(from));
        return new SpamScreen(spam.activeRules(), SpamThresholds.defaults()).assess(profile);
    }
}
