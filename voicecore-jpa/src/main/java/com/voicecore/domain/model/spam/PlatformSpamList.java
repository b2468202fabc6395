package com.voicecore.domain.model.spam;

import java.time.Instant;
import java.util.List;

/** The platform spam list: numbers several tenants reported, with how many (never which) tenants. */
public interface PlatformSpamList {

    record Listed(String number, int tenants, Instant lastReported) {
    }

    List<Listed> listed(int minTenants, int limit);
}
