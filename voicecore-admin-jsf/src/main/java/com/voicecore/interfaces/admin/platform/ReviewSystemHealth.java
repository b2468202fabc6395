package com.voicecore.interfaces.admin.platform;

import com.voicecore.application.console.SystemHealthService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** /platform/health.xhtml: database, nodes and circuit breakers, read fresh on every visit. */
@Named
@RequestScoped
public class ReviewSystemHealth {

    @Inject
    SystemHealthService health;

    private SystemHealthService.SystemHealth current;

    public SystemHealthService.SystemHealth getHealth() {
        if (current == null) {
            current = health.health();
        }
        return current;
    }
}
