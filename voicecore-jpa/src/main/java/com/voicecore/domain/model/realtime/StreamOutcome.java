package com.voicecore.domain.model.realtime;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a realtime conversation decided, read by the step Twilio fetches after the stream closes
 * (possibly on another node): transfer to a department, an agent or an extension, or to customer
 * service (the third unsuccessful attempt); end the call; or failed (OpenAI unreachable, an error, a
 * drop), which sends the caller to a human.
 */
public record StreamOutcome(Kind kind, String target, String detail) {

    public enum Kind {
        TRANSFER, END, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    private static final String CUSTOMER_SERVICE = "customer-service";

    public StreamOutcome {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
    }

    public static StreamOutcome toDepartment(UUID department, String why) {
        return new StreamOutcome(Kind.TRANSFER, "department:" + department, why);
    }

    public static StreamOutcome toAgent(UUID agent, String why) {
        return new StreamOutcome(Kind.TRANSFER, "agent:" + agent, why);
    }

    /** Customer service: the reception's hand-over, as after the third unsuccessful attempt to help. */
    public static StreamOutcome toCustomerService(String why) {
        return new StreamOutcome(Kind.TRANSFER, CUSTOMER_SERVICE, why);
    }

    public static StreamOutcome end(String why) {
        return new StreamOutcome(Kind.END, null, why);
    }

    public static StreamOutcome failed(String why) {
        return new StreamOutcome(Kind.FAILED, null, why);
    }

    public boolean isCustomerService() {
        return kind == Kind.TRANSFER && CUSTOMER_SERVICE.equals(target);
    }

    public Optional<UUID> department() {
        return id("department:");
    }

    public Optional<UUID> agent() {
        return id("agent:");
    }

    private Optional<UUID> id(String prefix) {
        if (target == null || !target.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(target.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
