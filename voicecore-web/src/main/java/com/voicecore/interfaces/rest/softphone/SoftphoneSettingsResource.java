package com.voicecore.interfaces.rest.softphone;

import com.voicecore.application.softphone.SoftphoneService;
import com.voicecore.application.softphone.VoiceSdkSettings;
import com.voicecore.application.softphone.VoiceSdkSettingsDraft;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** The Twilio API key and TwiML app the softphone's access tokens are minted with (part of the telephony settings). */
@Path("settings/telephony/softphone")
@TenantApi
@Tag(name = "Telephony settings")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SoftphoneSettingsResource {

    @Inject
    SoftphoneService softphone;

    /** {@code usable}: the softphone takes calls through Twilio; otherwise it runs in simulator mode. */
    public record Settings(String apiKeySid, boolean apiKeySecretStored, String twimlAppSid, boolean twilioAccountConnected,
                           boolean usable) {
        static Settings of(VoiceSdkSettings s) {
            return new Settings(s.apiKeySid(), s.apiKeySecretStored(), s.twimlAppSid(), s.twilioAccountConnected(), s.usable());
        }
    }

    @GET
    @Operation(summary = "The softphone's Twilio API key SID and TwiML app (the secret is never shown)")
    public Settings get() {
        return Settings.of(softphone.voiceSdkSettings());
    }

    @PUT
    @Operation(summary = "Set the softphone's Twilio API key (secret stored encrypted, write-only) and TwiML app; no apiKeySid removes them")
    public Settings update(@NotNull(message = "A JSON body is required") @Valid SoftphoneSettingsRequest request) {
        return Settings.of(softphone.updateVoiceSdkSettings(new VoiceSdkSettingsDraft(
                blankless(request.apiKeySid()), blankless(request.apiKeySecret()), blankless(request.twimlAppSid()))));
    }

    private static Optional<String> blankless(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
