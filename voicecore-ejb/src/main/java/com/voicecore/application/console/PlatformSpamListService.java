package com.voicecore.application.console;

import com.voicecore.domain.model.spam.PlatformSpamList;

import java.util.List;

/**
 * The platform spam list as the console shows it: numbers reported by at least as many tenants as
 * put a number on the list for screening ({@code SpamThresholds.platformReportsToList}).
 */
public interface PlatformSpamListService {

    int listingThreshold();

    List<PlatformSpamList.Listed> listed();
}
