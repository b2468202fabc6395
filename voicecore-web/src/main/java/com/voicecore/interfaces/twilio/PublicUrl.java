package com.voicecore.interfaces.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The address Twilio reaches VoiceCore at (VOICECORE_PUBLIC_URL): signatures are computed over it,
 * and every URL we hand Twilio starts with it. Behind a proxy the Host header is not trusted for
 * this; only when nothing is configured (local development) the request's own address is used.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "voicecore.public-url")
    Optional<String> configured;

    /** The public form of a URL this server was requested at. */
    String of(URI requested) {
        String base = base(requested);
        String path = requested.getRawPath();
        String query = requested.getRawQuery();
        return base + path + (query == null ? "" : "?" + query);
    }

    /** A webhook URL for the call path of one tenant: {base}/twilio/voice/t/{tenant}/{step}. */
    String callback(URI requested, UUID tenant, String step) {
        return base(requested) + "/twilio/voice/t/" + tenant + "/" + step;
    }

    /** The media stream endpoint Twilio connects to: {base}/media-stream with ws(s) for http(s). */
    public String mediaStream(URI requested) {
        String base = base(requested);
        return (base.startsWith("https://") ? "wss://" + base.substring(8)
                : base.startsWith("http://") ? "ws://" + base.substring(7) : base) + "/media-stream";
    }

    /** The public base address, without a trailing slash; also for the API's answers that name webhook URLs. */
    public String base(URI requested) {
        String base = configured.filter(s -> !s.isBlank())
                .orElseGet(() -> requested.getScheme() + "://" + requested.getRawAuthority());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
