package com.voicecore.domain.model.routing;

import java.util.Map;
import java.util.Objects;

/** Who a dial rings: an agent's softphone (Twilio Client identity) or a telephone number. */
public sealed interface DialTarget {

    record Client(String identity, Map<String, String> parameters) implements DialTarget {
        public Client {
            Objects.requireNonNull(identity, "identity");
            parameters = Map.copyOf(parameters);
        }
    }

    record Number(String e164) implements DialTarget {
        public Number {
            Objects.requireNonNull(e164, "e164");
        }
    }
}
