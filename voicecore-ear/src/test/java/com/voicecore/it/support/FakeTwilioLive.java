package com.voicecore.it.support;

import com.voicecore.infrastructure.twilio.FakeTwilioApi;
import com.voicecore.simulator.CallSimulator;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the call simulator to the fake Twilio REST API: the simulator's calls exist there while they
 * run, and a call update (the server moving a queued caller to the agent who accepted) moves the
 * simulated call, as Twilio would.
 */
public final class FakeTwilioLive implements CallSimulator.LiveControl {

    private final FakeTwilioApi api;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    public FakeTwilioLive(FakeTwilioApi api) {
        this.api = api;
    }

    @Override
    public void started(String callSid, String accountSid, String from, String to) {
        api.liveCall(callSid, accountSid, from, to);
    }

    @Override
    public Optional<URI> movedTo(String callSid) {
        Optional<String> url = api.call(callSid).map(FakeTwilioApi.FakeCall::url).filter(u -> u != null && u.startsWith("http"));
        if (url.isEmpty() || url.get().equals(seen.get(callSid))) {
            return Optional.empty();
        }
        seen.put(callSid, url.get());
        return Optional.of(URI.create(url.get()));
    }

    @Override
    public void ended(String callSid) {
        api.callEnded(callSid);
    }
}
