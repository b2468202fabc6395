package com.voicecore.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The simulator from the command line, against a running server (Maven profile {@code simulator}):
 * <pre>
 * export TWILIO_AUTH_TOKEN=…
 * mvn -q -pl voicecore-ear -Psimulator test-compile exec:java \
 *     -Dsimulator.args="--url http://localhost:8080 --account AC… --from +14155550100 --to +14155550199 --press 101 --say 'hello'"
 * </pre>
 */
public final class CallSimulatorCli {

    static final String USAGE = """
            Usage: mvn -q -pl voicecore-ear -Psimulator test-compile exec:java -Dsimulator.args="OPTIONS"
            Plays Twilio's side of one inbound call against a running VoiceCore and prints the conversation.

              --url URL                VoiceCore's base URL, e.g. http://localhost:8080 (required)
              --from NUMBER            the caller, e.g. +14155550100 (required)
              --to NUMBER              the VoiceCore number called (required)
              --account SID            Twilio account SID (default: environment TWILIO_ACCOUNT_SID)
              --token TOKEN            auth token. Prefer the environment variable TWILIO_AUTH_TOKEN:
                                       a flag ends up in the process list and the shell history
              --press KEYS             keys at the next <Gather>, e.g. 101#   } repeatable; used in the
              --say TEXT               speech at the next <Gather>            } order given, one per
              --silence                nothing at the next <Gather>           } <Gather>
              --dial OUTCOME[:SECS]    the next <Dial>: answered:42, answered-callee-hangs-up:42,
                                       no-answer, busy, failed (repeatable; default no-answer)
              --voicemail SECS[:TEXT]  a message left at the next <Record> (repeatable)
              --queue RESULT[:SECS]    how the next <Enqueue> ends: hangup, bridged, leave, redirected,
                                       queue-full, error, system-error (repeatable; default hangup:30)
              --stir VERSTAT           StirVerstat, e.g. TN-Validation-Passed-A
              --call-token TOKEN       CallToken
              --hang-up-after SECS     the caller hangs up after this much simulated time
              --no-location            leave out FromCity, CallerZip, … (sent by default)
              --voice-url URL          the incoming-call webhook (default: URL/twilio/voice/incoming)
              --status-callback URL    status callbacks (default: URL/twilio/voice/status), or 'none'
              --twilio-api URL         the Twilio REST stand-in the run command started: the call follows
                                       VoiceCore's REST redirects there (an agent accepting it, say)
              --signing MODE           valid (default), wrong-token or none
              --verbose                also print every HTTP exchange
              --help

            Exit status: 0 when the call ran without failures, 1 with failures, 2 for a usage error.
            """;

    private CallSimulatorCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status); // only on failure: a clean run lets Maven finish normally
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("simulator: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        if (options.tokenFromFlag) {
            err.println("simulator: note: --token is visible to other users of this machine; prefer TWILIO_AUTH_TOKEN");
        }
        CallSimulator simulator = options.simulator();
        out.println("Call from " + options.script.fromNumber() + " to " + options.script.toNumber() + " at "
                + simulator.voiceUrl());
        SimulatedCall call = simulator.call(options.script);
        out.println(call.sid());
        out.println(call.transcriptText());
        if (options.verbose) {
            out.println();
            for (Exchange exchange : call.requests()) {
                out.println(">> " + exchange.kind() + " " + exchange.method() + " " + exchange.url());
                exchange.parameters().forEach((name, value) -> out.println("     " + name + "=" + value));
                out.println("<< " + (exchange.status() < 0 ? exchange.error()
                        : exchange.status() + (exchange.body().isEmpty() ? "" : " " + exchange.body().strip())));
            }
        }
        out.println();
        out.println("Call " + call.finalStatus() + " after " + call.duration().toSeconds() + " s (simulated), "
                + call.requests().size() + " requests, " + call.failures().size() + " failures");
        return call.failures().isEmpty() ? 0 : 1;
    }

    /** The parsed command line; null from {@link #parse} means "print the usage". */
    private static final class Options {
        URI url;
        URI voiceUrl;
        String statusCallback;
        URI twilioApi;
        String account;
        String token;
        boolean tokenFromFlag;
        CallSimulator.Signing signing = CallSimulator.Signing.VALID;
        boolean verbose;
        CallScript script;

        static Options parse(String[] args, Map<String, String> env) {
            Options o = new Options();
            String from = null;
            String to = null;
            List<Consumer<CallScript>> steps = new ArrayList<>();
            if (args.length == 0) {
                return null;
            }
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                boolean flag = switch (arg) {
                    case "--help", "-h", "--silence", "--no-location", "--verbose" -> true;
                    default -> false;
                };
                if (!flag && value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    value = args[++i];
                }
                String v = value;
                switch (arg) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--url" -> o.url = uri(v, arg);
                    case "--from" -> from = v;
                    case "--to" -> to = v;
                    case "--account" -> o.account = v;
                    case "--token" -> {
                        o.token = v;
                        o.tokenFromFlag = true;
                    }
                    case "--press" -> steps.add(s -> s.pressDigits(v));
                    case "--say" -> steps.add(s -> s.say(v));
                    case "--silence" -> steps.add(CallScript::staySilent);
                    case "--dial" -> {
                        DialOutcome outcome = dialOutcome(before(v));
                        Duration talk = seconds(after(v, outcome.answered() ? "60" : "0"), arg);
                        steps.add(s -> s.whenDialed(outcome, talk));
                    }
                    case "--voicemail" -> {
                        Duration length = seconds(before(v), arg);
                        String text = after(v, "");
                        steps.add(s -> s.leaveVoicemail(length, text));
                    }
                    case "--queue" -> {
                        QueueResult result = queueResult(before(v));
                        Duration waited = seconds(after(v, "30"), arg);
                        steps.add(s -> s.whenEnqueued(result, waited));
                    }
                    case "--stir" -> steps.add(s -> s.stirVerstat(v));
                    case "--call-token" -> steps.add(s -> s.callToken(v));
                    case "--hang-up-after" -> {
                        Duration after = seconds(v, arg);
                        steps.add(s -> s.hangUpAfter(after));
                    }
                    case "--no-location" -> steps.add(CallScript::withoutLocation);
                    case "--voice-url" -> o.voiceUrl = uri(v, arg);
                    case "--status-callback" -> o.statusCallback = v;
                    case "--twilio-api" -> o.twilioApi = uri(v, arg);
                    case "--signing" -> o.signing = switch (v) {
                        case "valid" -> CallSimulator.Signing.VALID;
                        case "wrong-token" -> CallSimulator.Signing.WRONG_TOKEN;
                        case "none" -> CallSimulator.Signing.NONE;
                        default -> throw new IllegalArgumentException("--signing is valid, wrong-token or none: " + v);
                    };
                    case "--verbose" -> o.verbose = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.url == null || from == null || to == null) {
                throw new IllegalArgumentException("--url, --from and --to are required");
            }
            if (o.account == null) {
                o.account = env.get("TWILIO_ACCOUNT_SID");
            }
            if (o.token == null) {
                o.token = env.get("TWILIO_AUTH_TOKEN");
            }
            if (o.account == null || o.account.isBlank()) {
                throw new IllegalArgumentException("no account SID: --account AC… or TWILIO_ACCOUNT_SID");
            }
            if (o.token == null || o.token.isEmpty()) {
                throw new IllegalArgumentException("no auth token: set TWILIO_AUTH_TOKEN (or --token)");
            }
            o.script = CallScript.from(from).to(to);
            steps.forEach(step -> step.accept(o.script));
            return o;
        }

        CallSimulator simulator() {
            CallSimulator simulator = new CallSimulator(url, account, token).withSigning(signing);
            if (voiceUrl != null) {
                simulator = simulator.withVoiceUrl(voiceUrl);
            }
            if ("none".equals(statusCallback)) {
                simulator = simulator.withoutStatusCallbacks();
            } else if (statusCallback != null) {
                simulator = simulator.withStatusCallback(uri(statusCallback, "--status-callback"));
            }
            if (twilioApi != null) {
                simulator = simulator.withLiveControl(new RemoteLiveControl(twilioApi));
            }
            return simulator;
        }

        private static String before(String value) {
            int colon = value.indexOf(':');
            return colon < 0 ? value : value.substring(0, colon);
        }

        private static String after(String value, String otherwise) {
            int colon = value.indexOf(':');
            return colon < 0 ? otherwise : value.substring(colon + 1);
        }

        private static DialOutcome dialOutcome(String name) {
            try {
                return DialOutcome.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--dial is answered, answered-callee-hangs-up, no-answer, busy or failed: " + name);
            }
        }

        private static QueueResult queueResult(String name) {
            try {
                return QueueResult.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown queue result: " + name);
            }
        }

        private static Duration seconds(String value, String option) {
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes whole seconds: " + value);
            }
        }

        private static URI uri(String value, String option) {
            try {
                URI uri = URI.create(value);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    throw new IllegalArgumentException(option + " needs an absolute http(s) URL: " + value);
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " needs an absolute http(s) URL: " + value);
            }
        }
    }
}
