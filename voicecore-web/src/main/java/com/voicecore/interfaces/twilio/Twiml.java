package com.voicecore.interfaces.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Stream;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Identity;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.DialTarget;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Renders a call script as TwiML with twilio-java; {@code urls} turns a step into its absolute webhook URL. */
final class Twiml {

    static final String XML = "application/xml";

    private static final String APOLOGY_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Say>We are sorry, we cannot take your call right now. Please try again later. Goodbye.</Say><Hangup/></Response>";

    private Twiml() {
    }

    static String render(CallScript script, BiFunction<Step, Map<String, String>, String> urls, String recordingCallback,
                         String transcriptionCallback) {
        return render(script, urls, null, recordingCallback, transcriptionCallback);
    }

    /** {@code streamUrl}: the public {@code wss://…/media-stream} address, for {@link Instruction.ConnectStream}. */
    static String render(CallScript script, BiFunction<Step, Map<String, String>, String> urls, String streamUrl,
                         String recordingCallback, String transcriptionCallback) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        for (Instruction instruction : script.instructions()) {
            if (instruction instanceof Instruction.Say say) {
                response.say(say(say));
            } else if (instruction instanceof Instruction.Gather gather) {
                response.gather(gather(gather, urls));
            } else if (instruction instanceof Instruction.Dial dial) {
                response.dial(dial(dial, urls, recordingCallback));
            } else if (instruction instanceof Instruction.RecordVoicemail voicemail) {
                response.record(new Record.Builder()
                        .action(urls.apply(Step.VOICEMAIL, voicemailContext(voicemail)))
                        .method(HttpMethod.POST)
                        .maxLength(voicemail.maxSeconds())
                        .playBeep(true)
                        .finishOnKey("#")
                        .transcribe(true)
                        .transcribeCallback(transcriptionCallback)
                        .build());
            } else if (instruction instanceof Instruction.Redirect redirect) {
                response.redirect(new Redirect.Builder(urls.apply(redirect.next(), redirect.context()))
                        .method(HttpMethod.POST).build());
            } else if (instruction instanceof Instruction.ConnectStream connect) {
                if (streamUrl == null) {
                    throw new IllegalStateException("A media stream needs the stream URL");
                }
                Stream.Builder stream = new Stream.Builder().url(streamUrl);
                // the Stream URL takes no query string: data travels as parameters, sorted for one stable document
                new TreeMap<>(connect.parameters()).forEach((name, value) ->
                        stream.parameter(new Parameter.Builder().name(name).value(value).build()));
                response.connect(new Connect.Builder().stream(stream.build()).build());
            } else if (instruction instanceof Instruction.Reject) {
                response.reject(new Reject.Builder().reason(Reject.Reason.REJECTED).build());
            } else if (instruction instanceof Instruction.Hangup) {
                response.hangup(new Hangup.Builder().build());
            }
        }
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML could not be rendered", e);
        }
    }

    static String apology() {
        return APOLOGY_XML;
    }

    static String notInService() {
        // not answered, so nobody pays for it; Twilio plays its "not in service" message
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Reject reason=\"rejected\"/></Response>";
    }

    static String empty() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }

    static Response response(String xml) {
        return Response.ok(xml, XML).build();
    }

    /** Step context as a query string, sorted so one context always gives one URL (and one signature). */
    static String query(Map<String, String> context) {
        if (context.isEmpty()) {
            return "";
        }
        return new TreeMap<>(context).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> voicemailContext(Instruction.RecordVoicemail voicemail) {
        Map<String, String> context = new TreeMap<>();
        context.put("department", voicemail.departmentId().toString());
        voicemail.agentId().ifPresent(a -> context.put("agent", a.toString()));
        return context;
    }

    private static Say say(Instruction.Say say) {
        Say.Builder builder = new Say.Builder(say.text());
        language(say.language(), Say.Language.values()).ifPresent(builder::language);
        if (say.voice() != null) {
            language(say.voice(), Say.Voice.values()).ifPresent(builder::voice);
        }
        return builder.build();
    }

    private static Gather gather(Instruction.Gather gather, BiFunction<Step, Map<String, String>, String> urls) {
        Gather.Builder builder = new Gather.Builder()
                .inputs(gather.speech() ? List.of(Gather.Input.DTMF, Gather.Input.SPEECH) : List.of(Gather.Input.DTMF))
                .action(urls.apply(gather.next(), gather.context()))
                .method(HttpMethod.POST)
                .timeout(gather.timeoutSeconds());
        if (gather.numDigits() > 0) {
            builder.numDigits(gather.numDigits());
        } else {
            builder.finishOnKey("#");
        }
        if (gather.speech()) {
            builder.speechTimeout("auto");
            language(gather.language(), Gather.Language.values()).ifPresent(builder::language);
        }
        gather.prompts().forEach(p -> builder.say(say(p)));
        return builder.build();
    }

    private static Dial dial(Instruction.Dial dial, BiFunction<Step, Map<String, String>, String> urls, String recordingCallback) {
        // no callerId: Twilio shows the called party the original caller's number (Property 8)
        Dial.Builder builder = new Dial.Builder()
                .action(urls.apply(dial.next(), dial.context()))
                .method(HttpMethod.POST)
                .timeout(dial.timeoutSeconds());
        if (dial.record()) {
            builder.record(Dial.Record.RECORD_FROM_ANSWER_DUAL).recordingStatusCallback(recordingCallback);
        }
        for (DialTarget target : dial.targets()) {
            if (target instanceof DialTarget.Number number) {
                builder.number(new Number.Builder(number.e164()).build());
            } else if (target instanceof DialTarget.Client client) {
                Client.Builder c = new Client.Builder().identity(new Identity.Builder(client.identity()).build());
                new TreeMap<>(client.parameters()).forEach((name, value) ->
                        c.parameter(new Parameter.Builder().name(name).value(value).build()));
                builder.client(c.build());
            }
        }
        return builder.build();
    }

    private static <E extends Enum<E>> java.util.Optional<E> language(String value, E[] values) {
        return Arrays.stream(values).filter(v -> v.toString().equalsIgnoreCase(value)).findFirst();
    }
}
