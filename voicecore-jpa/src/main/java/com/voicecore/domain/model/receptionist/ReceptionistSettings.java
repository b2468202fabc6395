package com.voicecore.domain.model.receptionist;

import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.ServedLanguages;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Objects;

/** How the receptionist presents the company: name, greeting, languages served, voice, transport. */
@Entity
@Table(name = "receptionist_settings")
public class ReceptionistSettings extends TimestampedTenantEntity {

    @Column(name = "company_name", nullable = false, length = 200)
    private String companyName;

    @Column(name = "greeting", nullable = false, length = 1000)
    private String greeting;

    @Column(name = "languages", nullable = false)
    private String[] languages;

    @Column(name = "default_language", nullable = false, length = 10)
    private String defaultLanguage;

    @Column(name = "voice", nullable = false, length = 50)
    private String voice;

    @Column(name = "transport", nullable = false, length = 20)
    private String transport = "turn_based";

    @Column(name = "recording_enabled", nullable = false)
    private boolean recordingEnabled;

    protected ReceptionistSettings() {
    }

    public ReceptionistSettings(String companyName, String greeting, List<String> languages, String voice) {
        this.companyName = Objects.requireNonNull(companyName, "companyName");
        this.greeting = Objects.requireNonNull(greeting, "greeting");
        serveLanguages(languages);
        this.voice = Objects.requireNonNull(voice, "voice");
    }

    /** The first language is the default, used until the caller's own is known. */
    public void serveLanguages(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("A receptionist serves at least one language");
        }
        this.languages = codes.toArray(String[]::new);
        this.defaultLanguage = codes.get(0);
    }

    /** The default language (used until the caller's own is known) must be one of the served ones. */
    public void serveLanguages(List<String> codes, String defaultCode) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("A receptionist serves at least one language");
        }
        List<String> normalised = codes.stream().map(LanguageCode::normalise).distinct().toList();
        String chosen = defaultCode == null ? normalised.get(0) : LanguageCode.normalise(defaultCode);
        if (!normalised.contains(chosen)) {
            throw new IllegalArgumentException("The default language must be one of the languages served");
        }
        this.languages = normalised.toArray(String[]::new);
        this.defaultLanguage = chosen;
    }

    public void present(String newCompanyName, String newGreeting) {
        if (newGreeting == null || newGreeting.isBlank()) {
            throw new IllegalArgumentException("A greeting is needed");
        }
        if (newCompanyName != null && !newCompanyName.isBlank()) {
            this.companyName = newCompanyName.strip();
        }
        this.greeting = newGreeting.strip();
    }

    public void speakWith(String newVoice) {
        if (newVoice != null && !newVoice.isBlank()) {
            this.voice = newVoice.strip();
        }
    }

    /** turn_based (Twilio speech recognition and voices) or realtime (the OpenAI bridge). */
    public void converseOver(String newTransport) {
        if (newTransport == null) {
            return;
        }
        if (!newTransport.equals("turn_based") && !newTransport.equals("realtime")) {
            throw new IllegalArgumentException("The transport is turn_based or realtime");
        }
        this.transport = newTransport;
    }

    public ServedLanguages servedLanguages() {
        List<String> codes = new java.util.ArrayList<>(List.of(languages));
        codes.remove(defaultLanguage);
        codes.add(0, defaultLanguage);
        // a row stored before languages were checked must not crash every call: what cannot be spoken is not served
        List<String> speakable = codes.stream().filter(ReceptionistSettings::speakable).toList();
        return new ServedLanguages(speakable.isEmpty() ? List.of("en") : speakable);
    }

    private static boolean speakable(String code) {
        try {
            return com.voicecore.domain.model.conversation.Phrasebook.speaks(code);
        } catch (IllegalArgumentException notACode) {
            return false;
        }
    }

    public String companyName() {
        return companyName;
    }

    public String greeting() {
        return greeting;
    }

    public List<String> languages() {
        return List.of(languages);
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public String voice() {
        return voice;
    }

    public String transport() {
        return transport;
    }

    public static final String TURN_BASED = "turn_based";
    public static final String REALTIME = "realtime";

    /** Which transport the receptionist speaks through: {@value #TURN_BASED} or {@value #REALTIME}. */
    public void useTransport(String transport) {
        if (!TURN_BASED.equals(transport) && !REALTIME.equals(transport)) {
            throw new IllegalArgumentException("The transport is turn_based or realtime");
        }
        this.transport = transport;
    }

    public boolean isRealtime() {
        return REALTIME.equals(transport);
    }

    /** Records answered calls; callers are told at the greeting. */
    public void recordCalls(boolean enabled) {
        this.recordingEnabled = enabled;
    }

    public boolean recordingEnabled() {
        return recordingEnabled;
    }
}
