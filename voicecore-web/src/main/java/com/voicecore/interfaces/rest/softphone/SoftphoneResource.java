package com.voicecore.interfaces.rest.softphone;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentTokenService;
import com.voicecore.application.IssuedAgentToken;
import com.voicecore.application.softphone.DepartmentVoicemail;
import com.voicecore.application.softphone.SoftphoneService;
import com.voicecore.application.softphone.VoiceAccess;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** What the softphone asks with its agent token, always for that agent only. */
@Path("agent")
@AgentApi
@Tag(name = "Agent softphone")
@Produces(MediaType.APPLICATION_JSON)
public class SoftphoneResource {

    @Inject
    SoftphoneService softphone;

    @Inject
    AgentTokenService tokens;

    @POST
    @Path("token")
    @Operation(summary = "A fresh agent token for the same agent and role (the softphone refreshes before its token ends)")
    public Response refresh(@Context HttpServletRequest request) {
        AgentClaims claims = claims(request);
        IssuedAgentToken issued = tokens.issue(claims.agentId(), claims.role());
        var c = issued.claims();
        return noStore(Response.ok(new TokenResponse(issued.token(), "Bearer", c.expiresAt().toString(),
                c.expiresAt().getEpochSecond() - c.issuedAt().getEpochSecond(), c.agentId().toString(), c.tenantId().toString(),
                c.role().code(), c.departmentId() == null ? null : c.departmentId().toString(), "voicecore-agent-v1")));
    }

    @GET
    @Path("voice-token")
    @Operation(summary = "How this agent's calls reach the softphone: a Twilio Voice access token, or simulator mode and why")
    public Response voiceToken(@Context HttpServletRequest request) {
        VoiceAccess access = softphone.voiceAccess(claims(request).agentId());
        return noStore(Response.ok(new VoiceTokenResponse(access.mode().name().toLowerCase(java.util.Locale.ROOT), access.identity(),
                access.accessToken().orElse(null), access.expiresAt(), access.reason())));
    }

    @GET
    @Path("voicemails")
    @Operation(summary = "The agent's department's voicemail, newest first (that department's only)")
    public Response voicemails(@Context HttpServletRequest request, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
        List<DepartmentVoicemail> list = softphone.departmentVoicemail(claims(request).agentId(), max);
        return noStore(Response.ok(list));
    }

    /** Put there by {@link AgentTokenFilter} (RESTEasy keeps request properties as servlet request attributes). */
    private static AgentClaims claims(HttpServletRequest request) {
        Object claims = request.getAttribute(AgentTokenFilter.CLAIMS);
        if (!(claims instanceof AgentClaims c)) {
            throw new IllegalStateException("No verified agent token on this request");
        }
        return c;
    }

    /** Tokens and tenant data: no cache (browser, proxy or service worker) may keep them. */
    private static Response noStore(Response.ResponseBuilder builder) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return builder.cacheControl(cc).build();
    }

    /** The same shape as the agent-login answer (docs/agent-protocol.md). */
    public record TokenResponse(String token, String tokenType, String expiresAt, long expiresIn, String agentId,
                                String tenantId, String role, String departmentId, String subprotocol) {
        @Override
        public String toString() {
            return "TokenResponse[agentId=" + agentId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** {@code mode}: {@code twilio} (with {@code token}) or {@code simulator} (with {@code reason}). */
    public record VoiceTokenResponse(String mode, String identity, String token, Instant expiresAt, String reason) {
        @Override
        public String toString() {
            return "VoiceTokenResponse[mode=" + mode + ", identity=" + identity + "]";
        }
    }

}
