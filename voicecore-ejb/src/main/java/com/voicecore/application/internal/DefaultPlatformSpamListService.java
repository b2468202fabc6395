package com.voicecore.application.internal;

import com.voicecore.application.console.PlatformSpamListService;
import com.voicecore.domain.model.spam.PlatformSpamList;
import com.voicecore.domain.model.spam.SpamThresholds;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

@Stateless
public class DefaultPlatformSpamListService implements PlatformSpamListService {

    @Inject
    PlatformSpamList list;

    @Override
    public int listingThreshold() {
        return SpamThresholds.defaults().platformReportsToList();
    }

    @Override
    public List<PlatformSpamList.Listed> listed() {
        return list.listed(listingThreshold(), 500);
    }
}
