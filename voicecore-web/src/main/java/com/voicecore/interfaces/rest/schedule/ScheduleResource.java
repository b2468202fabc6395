package com.voicecore.interfaces.rest.schedule;

import com.voicecore.application.ScheduleService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.schedule.EmergencyMode;
import com.voicecore.domain.model.schedule.OpeningState;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.Optional;

@Path("business-hours")
@TenantApi
@Tag(name = "Business hours")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    /** {@code mode}: open, closed, or null to clear the override. */
    public record EmergencyRequest(String mode, String departmentId) {
    }

    public record State(boolean open, String state, String reason) {
        static State of(OpeningState s) {
            return new State(s.isOpen(), s.kind().name().toLowerCase(Locale.ROOT), s.reason());
        }
    }

    @Inject
    ScheduleService schedules;

    @GET
    @Path("now")
    @Operation(summary = "Whether the tenant (or a department) is open now, and why")
    public State now(@QueryParam("departmentId") String departmentId) {
        return State.of(schedules.stateNow(Optional.ofNullable(Fields.optionalId("departmentId", departmentId))));
    }

    @PUT
    @Path("emergency")
    @Operation(summary = "Force open or closed (emergency override), or clear the override with mode null")
    public State emergency(@NotNull(message = "A JSON body is required") EmergencyRequest request) {
        Optional<EmergencyMode> mode = Optional.ofNullable(request.mode()).filter(m -> !m.isBlank()).map(m -> {
            try {
                return EmergencyMode.valueOf(m.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("mode", "mode is open, closed or null");
            }
        });
        return State.of(schedules.declareEmergency(Optional.ofNullable(Fields.optionalId("departmentId", request.departmentId())), mode));
    }
}
