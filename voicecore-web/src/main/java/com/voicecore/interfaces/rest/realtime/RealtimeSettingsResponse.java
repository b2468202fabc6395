package com.voicecore.interfaces.rest.realtime;

import com.voicecore.application.RealtimeSettingsService;

/** The realtime settings as an admin may see them: never the key, only whether one is stored. */
public record RealtimeSettingsResponse(boolean enabled, String transport, boolean openaiApiKeyStored, String model,
                                       String voice, int maxConcurrentCalls, String mediaStreamUrl) {

    static RealtimeSettingsResponse of(RealtimeSettingsService.View v, String mediaStreamUrl) {
        return new RealtimeSettingsResponse(v.enabled(), v.enabled() ? "realtime" : "turn_based", v.apiKeyStored(), v.model(),
                v.voice(), v.maxConcurrentCalls(), mediaStreamUrl);
    }
}
