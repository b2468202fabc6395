package com.voicecore.interfaces.twilio;

import com.twilio.security.RequestValidator;
import com.voicecore.application.TelephonyService;
import com.voicecore.application.telephony.TwilioCredentials;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks X-Twilio-Signature before anything else runs: the tenant comes from the URL we gave Twilio
 * (callbacks) or from the number called and the account (incoming calls); the signature is checked
 * with that tenant's auth token over the public URL Twilio called. Anything unverified gets 403
 * and touches nothing.
 */
@Provider
@TwilioWebhook
@Priority(Priorities.AUTHENTICATION)
public class TwilioSignatureFilter implements ContainerRequestFilter {

    static final String SIGNATURE = "X-Twilio-Signature";
    private static final Logger LOG = Logger.getLogger(TwilioSignatureFilter.class.getName());

    @Inject
    TelephonyService telephony;

    @Inject
    PublicUrl publicUrl;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.getUriInfo().getBaseUri().getPath().endsWith("/twilio/")) {
            // the REST API's application scans this resource too; webhooks live under /twilio only
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
            return;
        }
        String signature = request.getHeaderString(SIGNATURE);
        if (signature == null || signature.isBlank()) {
            request.abortWith(forbidden("missing " + SIGNATURE));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String text = new String(body, StandardCharsets.UTF_8);
        boolean json = request.getMediaType() != null && request.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE);
        URI requested = request.getUriInfo().getRequestUri();
        String url = publicUrl.of(requested);

        Map<String, String> parameters;
        try {
            parameters = json ? jsonParameters(text) : formParameters(text);
        } catch (RuntimeException e) {
            request.abortWith(forbidden("unreadable body"));
            return;
        }
        try {
            Optional<UUID> tenant = pathTenant(request)
                    .or(() -> telephony.tenantFor(parameters.get("To"), parameters.get("AccountSid")));
            if (tenant.isEmpty()) {
                request.abortWith(forbidden("no tenant for this number and account"));
                return;
            }
            TenantContext.set(tenant.get());
            Optional<TelephonyService.WebhookAccount> account = telephony.webhookAccount();
            Optional<TwilioCredentials> credentials = account.map(TelephonyService.WebhookAccount::credentials);
            boolean valid = credentials.isPresent()
                    && (parameters.get("AccountSid") == null || credentials.get().accountSid().equals(parameters.get("AccountSid")))
                    && validate(new RequestValidator(credentials.get().authToken()), url, json, text, parameters, signature);
            if (!valid) {
                TenantContext.clear();
                request.abortWith(forbidden("signature does not match"));
                return;
            }
            if (!account.get().active() && request.getUriInfo().getPath().endsWith("/incoming")) {
                // verified, but the tenant is suspended: new callers hear so and nothing is recorded;
                // callbacks of calls already under way are still taken (they are billed)
                request.abortWith(Twiml.response(Twiml.notInService()));
                return;
            }
            request.setProperty(WebhookRequest.PROPERTY, new WebhookRequest(tenant.get(), parameters));
        } catch (RuntimeException e) {
            // the database or the cipher failed: the caller still hears something sensible
            TenantContext.clear();
            LOG.log(Level.SEVERE, "Twilio webhook could not be verified for call " + parameters.get("CallSid"), e);
            request.abortWith(Twiml.response(Twiml.apology()));
        }
    }

    private static boolean validate(RequestValidator validator, String url, boolean json, String body,
                                    Map<String, String> parameters, String signature) {
        try {
            // JSON bodies: the URL carries bodySHA256 and the signature covers the URL only
            return json ? validator.validate(url, body, signature) : validator.validate(url, parameters, signature);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Optional<UUID> pathTenant(ContainerRequestContext request) {
        String value = request.getUriInfo().getPathParameters().getFirst("tenant");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.of(new UUID(0, 0)); // nobody's: the signature check fails
        }
    }

    static Map<String, String> formParameters(String body) {
        Map<String, String> parameters = new HashMap<>();
        if (body.isEmpty()) {
            return parameters;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static Map<String, String> jsonParameters(String body) {
        Map<String, String> parameters = new HashMap<>();
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            reader.readObject().forEach((name, value) -> parameters.put(name,
                    value instanceof jakarta.json.JsonString s ? s.getString() : value.toString()));
        }
        return parameters;
    }

    private static Response forbidden(String why) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE).entity("Forbidden: " + why).build();
    }
}
