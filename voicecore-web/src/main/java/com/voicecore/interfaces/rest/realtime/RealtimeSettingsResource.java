package com.voicecore.interfaces.rest.realtime;

import com.voicecore.application.RealtimeSettingsService;
import com.voicecore.domain.model.realtime.RealtimeSettings;
import com.voicecore.interfaces.rest.security.TenantApi;
import com.voicecore.interfaces.twilio.PublicUrl;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

@Path("settings/realtime")
@TenantApi
@Tag(name = "Realtime voice settings")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RealtimeSettingsResource {

    @Inject
    RealtimeSettingsService realtime;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(summary = "Realtime voice: enabled, model, voice, concurrent-call limit, whether an OpenAI key is stored")
    public RealtimeSettingsResponse get(@Context UriInfo uri) {
        return RealtimeSettingsResponse.of(realtime.settings(), publicUrl.mediaStream(uri.getRequestUri()));
    }

    @PUT
    @Operation(summary = "Enable or disable realtime voice; the OpenAI key is stored encrypted and never shown back")
    public RealtimeSettingsResponse update(@NotNull(message = "A JSON body is required") @Valid RealtimeSettingsRequest request,
                                           @Context UriInfo uri) {
        RealtimeSettingsService.Draft draft = new RealtimeSettingsService.Draft(request.enabled(),
                Optional.ofNullable(request.openaiApiKey()).map(String::strip),
                Optional.ofNullable(request.model()).map(String::strip).orElse(RealtimeSettings.DEFAULT_MODEL),
                Optional.ofNullable(request.voice()).map(String::strip).orElse(RealtimeSettings.DEFAULT_VOICE),
                request.maxConcurrentCalls() == null ? RealtimeSettings.DEFAULT_MAX_CONCURRENT_CALLS : request.maxConcurrentCalls());
        return RealtimeSettingsResponse.of(realtime.update(draft), publicUrl.mediaStream(uri.getRequestUri()));
    }
}
