package com.voicecore.application.internal;

import com.voicecore.application.RealtimeSettingsService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.realtime.RealtimeRepository;
import com.voicecore.domain.model.realtime.RealtimeSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import com.voicecore.infrastructure.security.SecretCipher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.regex.Pattern;

@Stateless
public class DefaultRealtimeSettingsService implements RealtimeSettingsService {

    /** OpenAI keys: "sk-" then letters, digits, dashes and underscores. */
    static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9_\\-]{16,300}");

    @Inject
    RealtimeRepository realtime;

    @Inject
    ReceptionistSettingsRepository receptionist;

    @Inject
    SecretCipher cipher;

    @Override
    public View settings() {
        RealtimeSettings s = realtime.settings().orElseGet(RealtimeSettings::new);
        return view(s);
    }

    @Override
    public View update(Draft draft) {
        ReceptionistSettings reception = receptionist.current()
                .orElseThrow(() -> new InvalidValueException("enabled", "The tenant has no receptionist settings"));
        RealtimeSettings s = realtime.lockSettings().orElseGet(RealtimeSettings::new);
        if (!RealtimeSettings.isModel(draft.model())) {
            throw new InvalidValueException("model", "A model name is 1 to 64 lowercase letters, digits, dots and dashes");
        }
        if (!RealtimeSettings.VOICES.contains(draft.voice())) {
            throw new InvalidValueException("voice", "The voice is one of " + new java.util.TreeSet<>(RealtimeSettings.VOICES));
        }
        if (draft.maxConcurrentCalls() < 1 || draft.maxConcurrentCalls() > RealtimeSettings.MAX_CONCURRENT_CALLS_LIMIT) {
            throw new InvalidValueException("maxConcurrentCalls", "1 to " + RealtimeSettings.MAX_CONCURRENT_CALLS_LIMIT);
        }
        s.configure(draft.model(), draft.voice(), draft.maxConcurrentCalls());
        if (draft.apiKey().isPresent()) {
            String key = draft.apiKey().get();
            if (key.isEmpty()) {
                s.forgetApiKey();
            } else if (!API_KEY.matcher(key).matches()) {
                throw new InvalidValueException("openaiApiKey", "An OpenAI API key starts with sk- (letters, digits, - and _)");
            } else {
                s.useApiKey(cipher.encrypt(TenantContext.require(), SecretCipher.OPENAI_API_KEY, key));
            }
        }
        if (draft.enabled() && !s.hasApiKey()) {
            throw new InvalidValueException("openaiApiKey", "Realtime voice needs an OpenAI API key");
        }
        reception.useTransport(draft.enabled() ? ReceptionistSettings.REALTIME : ReceptionistSettings.TURN_BASED);
        realtime.store(s);
        return view(s);
    }

    private View view(RealtimeSettings s) {
        boolean enabled = receptionist.current().map(ReceptionistSettings::isRealtime).orElse(false);
        return new View(enabled, s.hasApiKey(), s.model(), s.voice(), s.maxConcurrentCalls());
    }
}
