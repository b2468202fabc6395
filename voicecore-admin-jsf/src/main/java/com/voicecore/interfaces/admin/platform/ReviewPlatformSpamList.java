package com.voicecore.interfaces.admin.platform;

import com.voicecore.application.console.PlatformSpamListService;
import com.voicecore.domain.model.spam.PlatformSpamList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** /platform/spam.xhtml: the numbers on the platform spam list, with how many tenants reported each. */
@Named
@ViewScoped
public class ReviewPlatformSpamList implements Serializable {

    @Inject
    PlatformSpamListService spam;

    private List<PlatformSpamList.Listed> listed;

    public List<PlatformSpamList.Listed> getListed() {
        if (listed == null) {
            listed = spam.listed();
        }
        return listed;
    }

    public int getThreshold() {
        return spam.listingThreshold();
    }
}
