package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.application.ReceptionistSettingsDraft;
import com.voicecore.application.ReceptionistSettingsService;
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

@Path("settings/receptionist")
@TenantApi
@Tag(name = "Receptionist")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReceptionistSettingsResource {

    @Inject
    ReceptionistSettingsService settings;

    @GET
    @Operation(summary = "The receptionist's greeting, languages served, default language, voice and transport")
    public ReceptionistSettingsResponse get() {
        return ReceptionistSettingsResponse.of(settings.settings());
    }

    @PUT
    @Operation(summary = "Replace the receptionist's settings (languages: codes the receptionist speaks, e.g. en, es, de)")
    public ReceptionistSettingsResponse update(@NotNull(message = "A JSON body is required") @Valid ReceptionistSettingsRequest request) {
        return ReceptionistSettingsResponse.of(settings.update(new ReceptionistSettingsDraft(request.companyName(),
                request.greeting(), request.languages(), request.defaultLanguage(), request.voice(), request.transport())));
    }
}
