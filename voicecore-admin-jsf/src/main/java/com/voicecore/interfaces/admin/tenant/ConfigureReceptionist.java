package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.RealtimeSettingsService;
import com.voicecore.application.ReceptionistSettingsDraft;
import com.voicecore.application.ReceptionistSettingsService;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.realtime.RealtimeSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.interfaces.admin.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * /tenant/receptionist.xhtml: how the receptionist greets and speaks (company name, greeting, languages,
 * default language, voice) and how it converses: turn-based, or realtime through OpenAI with its own
 * voice, model and concurrency limit. The OpenAI key is write-only: only "stored" is ever shown.
 */
@Named
@ViewScoped
public class ConfigureReceptionist extends CompanyPage {

    @Inject
    ReceptionistSettingsService receptionist;

    @Inject
    RealtimeSettingsService realtime;

    @Size(max = 200, message = "A company name has at most 200 characters")
    private String companyName;

    @NotBlank(message = "A greeting is needed")
    @Size(max = 1000, message = "A greeting has at most 1000 characters")
    private String greeting;

    @NotEmpty(message = "The receptionist serves at least one language")
    private List<String> languages = new ArrayList<>();

    private String defaultLanguage;

    @Size(max = 50, message = "A voice name has at most 50 characters")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "A voice is a name like Polly.Joanna")
    private String voice;

    @NotNull
    @Pattern(regexp = "turn_based|realtime", message = "Choose turn-based or realtime")
    private String transport;

    private String realtimeVoice;

    @Pattern(regexp = "[a-z0-9.-]{1,64}", message = "A model name is 1 to 64 lowercase letters, digits, dots and dashes")
    private String realtimeModel;

    @NotNull(message = "The limit of concurrent realtime calls is needed")
    @Min(value = 1, message = "1 to 1000 concurrent realtime calls")
    @Max(value = 1000, message = "1 to 1000 concurrent realtime calls")
    private Integer maxConcurrentCalls;

    /** Write-only: set by the form, cleared after every save, never filled from the database. */
    @Pattern(regexp = "(sk-[A-Za-z0-9_\\-]{16,300})?", message = "An OpenAI API key starts with sk- (letters, digits, - and _)")
    private String openaiKey;

    private boolean forgetKey;
    private boolean keyStored;

    @PostConstruct
    void load() {
        ReceptionistSettings s = receptionist.settings();
        companyName = s.companyName();
        greeting = s.greeting();
        languages = new ArrayList<>(s.languages());
        defaultLanguage = s.defaultLanguage();
        voice = s.voice();
        RealtimeSettingsService.View r = realtime.settings();
        transport = r.enabled() ? ReceptionistSettings.REALTIME : ReceptionistSettings.TURN_BASED;
        realtimeVoice = r.voice();
        realtimeModel = r.model();
        maxConcurrentCalls = r.maxConcurrentCalls();
        keyStored = r.apiKeyStored();
        openaiKey = null;
        forgetKey = false;
    }

    public void save() {
        // the transport is the realtime switch (it needs a key): the receptionist's own draft leaves it alone
        ReceptionistSettingsDraft draft = new ReceptionistSettingsDraft(companyName, greeting, List.copyOf(languages),
                blankToNull(defaultLanguage), blankToNull(voice), null);
        Optional<String> key = forgetKey ? Optional.of("") : Optional.ofNullable(blankToNull(openaiKey));
        openaiKey = null;
        RealtimeSettingsService.Draft realtimeDraft = new RealtimeSettingsService.Draft(ReceptionistSettings.REALTIME.equals(transport),
                key, realtimeModel, realtimeVoice, maxConcurrentCalls);
        boolean saved = attempt(() -> changes.change(actor(), "receptionist.changed", () -> {
            ReceptionistSettings s = receptionist.update(draft);
            realtime.update(realtimeDraft);
            return s;
        }, s -> "receptionist", s -> "languages " + String.join(", ", s.languages()) + ", voice " + s.voice() + ", transport "
                + transport + (key.isEmpty() ? "" : key.get().isEmpty() ? ", OpenAI key removed" : ", OpenAI key replaced")));
        if (saved) {
            load();
            Messages.info("Receptionist saved");
        }
    }

    public List<SelectItem> getLanguageItems() {
        return new TreeSet<>(Phrasebook.languages()).stream().map(c -> new SelectItem(c, LanguageCode.englishName(c) + " (" + c + ")")).toList();
    }

    public List<String> getRealtimeVoices() {
        return new ArrayList<>(new TreeSet<>(RealtimeSettings.VOICES));
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getGreeting() {
        return greeting;
    }

    public void setGreeting(String greeting) {
        this.greeting = greeting;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public String getVoice() {
        return voice;
    }

    public void setVoice(String voice) {
        this.voice = voice;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getRealtimeVoice() {
        return realtimeVoice;
    }

    public void setRealtimeVoice(String realtimeVoice) {
        this.realtimeVoice = realtimeVoice;
    }

    public String getRealtimeModel() {
        return realtimeModel;
    }

    public void setRealtimeModel(String realtimeModel) {
        this.realtimeModel = realtimeModel;
    }

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public String getOpenaiKey() {
        return null; // write-only
    }

    public void setOpenaiKey(String openaiKey) {
        this.openaiKey = openaiKey;
    }

    public boolean isForgetKey() {
        return forgetKey;
    }

    public void setForgetKey(boolean forgetKey) {
        this.forgetKey = forgetKey;
    }

    public boolean isKeyStored() {
        return keyStored;
    }
}
