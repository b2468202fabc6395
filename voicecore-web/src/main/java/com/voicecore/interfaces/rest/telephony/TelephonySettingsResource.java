package com.voicecore.interfaces.rest.telephony;

import com.voicecore.application.TelephonyService;
import com.voicecore.application.TelephonySettingsDraft;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.interfaces.rest.Created;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.voicecore.interfaces.twilio.PublicUrl;

import java.util.Optional;

@Path("settings/telephony")
@TenantApi
@Tag(name = "Telephony settings")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TelephonySettingsResource {

    @Inject
    TelephonyService telephony;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(summary = "The Twilio account, fallback number, limits, and the URLs to configure in Twilio")
    public TelephonySettingsResponse get(@Context UriInfo uri) {
        return TelephonySettingsResponse.of(telephony.settings(), telephony.recordsCalls(), publicUrl.base(uri.getRequestUri()));
    }

    @PUT
    @Operation(summary = "Set the Twilio account (the auth token is stored encrypted and never shown back)")
    public TelephonySettingsResponse update(@NotNull(message = "A JSON body is required") @Valid TelephonySettingsRequest request,
                                            @Context UriInfo uri) {
        Optional<PhoneNumber> fallback = Optional.ofNullable(request.fallbackNumber()).filter(s -> !s.isBlank())
                .map(s -> Fields.convert("fallbackNumber", () -> new PhoneNumber(s.strip())));
        TelephonySettingsDraft draft = new TelephonySettingsDraft(
                Optional.ofNullable(request.accountSid()).filter(s -> !s.isBlank()).map(String::strip),
                Optional.ofNullable(request.authToken()).filter(s -> !s.isBlank()).map(String::strip),
                fallback,
                request.dialTimeoutSeconds() == null ? TelephonySettings.DEFAULT_DIAL_TIMEOUT : request.dialTimeoutSeconds(),
                request.voicemailMaxSeconds() == null ? TelephonySettings.DEFAULT_VOICEMAIL_MAX : request.voicemailMaxSeconds(),
                Optional.ofNullable(request.recordCalls()));
        TelephonySettings updated = telephony.updateSettings(draft);
        return TelephonySettingsResponse.of(updated, telephony.recordsCalls(), publicUrl.base(uri.getRequestUri()));
    }

}
