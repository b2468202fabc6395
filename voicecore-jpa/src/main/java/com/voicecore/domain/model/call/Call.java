package com.voicecore.domain.model.call;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * One telephone call and everything that happened to it: the route it took, the spam verdict,
 * Twilio's status reports folded in any order, the recording and the minutes it cost.
 */
@Entity
@Table(name = "calls")
@NamedQuery(name = "Call.findAll", query = "select c from Call c order by c.startedAt desc, c.id")
@NamedQuery(name = "Call.findBySid", query = "select c from Call c where c.twilioCallSid = :sid")
@NamedQuery(name = "Call.countRecentFrom",
        query = "select count(c) from Call c where c.fromNumber = :from and c.startedAt >= :since and c.twilioCallSid <> :sid")
public class Call extends TenantOwnedEntity {

    /** Caller numbers are stored as Twilio sent them, cut to the column (withheld ones are words). */
    private static final int NUMBER_COLUMN = 32;

    @Column(name = "twilio_call_sid", nullable = false, length = 64, updatable = false)
    private String twilioCallSid;

    @Convert(converter = CallEnumConverters.DirectionConverter.class)
    @Column(name = "direction", nullable = false)
    private CallDirection direction;

    @Column(name = "from_number", nullable = false, length = 32)
    private String fromNumber;

    @Column(name = "to_number", nullable = false, length = 32)
    private String toNumber;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "agent_id")
    private UUID agentId;

    @Convert(converter = CallEnumConverters.StatusConverter.class)
    @Column(name = "status", nullable = false)
    private CallStatus status = CallStatus.INITIATED;

    @Column(name = "last_status_sequence")
    private Integer lastStatusSequence;

    // jsonb written as text and cast in SQL: Hibernate's JSON type needs the driver's PGobject, which
    // WildFly's Hibernate module cannot see
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "route", nullable = false)
    private String route = "[]";

    @Column(name = "spam_score")
    private Short spamScore;

    @Column(name = "spam_action", length = 20)
    private String spamAction;

    // jsonb written as text and cast in SQL: Hibernate's JSON type needs the driver's PGobject, which
    // WildFly's Hibernate module cannot see
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "spam_reasons", nullable = false)
    private String spamReasons = "[]";

    @Column(name = "stir_verstat", length = 40)
    private String stirVerstat;

    @Column(name = "call_token")
    private String callToken;

    @Column(name = "challenge_digit")
    private Short challengeDigit;

    @Column(name = "challenge_attempts", nullable = false)
    private short challengeAttempts;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Column(name = "recording_sid", length = 64)
    private String recordingSid;

    @Column(name = "recording_url")
    private String recordingUrl;

    @Column(name = "recording_duration_seconds")
    private Integer recordingDurationSeconds;

    @Column(name = "transcript")
    private String transcript;

    @Column(name = "summary")
    private String summary;

    @Column(name = "credits_used", nullable = false)
    private int creditsUsed;

    // jsonb written as text and cast in SQL: Hibernate's JSON type needs the driver's PGobject, which
    // WildFly's Hibernate module cannot see
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "metadata", nullable = false)
    private String metadata = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Call() {
    }

    public Call(String twilioCallSid, CallDirection direction, String from, String to, Instant startedAt) {
        this.twilioCallSid = Objects.requireNonNull(twilioCallSid, "twilioCallSid");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.fromNumber = clip(Objects.requireNonNull(from, "from"));
        this.toNumber = clip(Objects.requireNonNull(to, "to"));
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.createdAt = Instant.now();
    }

    /** A call Twilio is offering us, as its incoming-call webhook described it (ringing). */
    public static Call inbound(String callSid, String from, String to, Instant at, String stirVerstat, String callToken) {
        Call call = new Call(callSid, CallDirection.INBOUND, from, to, at);
        call.status = CallStatus.RINGING;
        call.stirVerstat = stirVerstat == null || stirVerstat.isBlank() ? null : clip(stirVerstat.strip(), 40);
        call.callToken = callToken == null || callToken.isBlank() ? null : callToken;
        return call;
    }

    /** The console's metadata mark of a test call ("Try a call"): no caller, no Twilio, never billed. */
    static final String TEST_CALL_METADATA = "{\"test_call\": true}";

    /**
     * A test call the admin places from the console ("Try a call"): an inbound call answered at once,
     * marked so the call log shows it as a test and billing never charges it.
     */
    public static Call testCall(String callSid, String from, String to, Instant at) {
        Call call = new Call(callSid, CallDirection.INBOUND, from, to, at);
        call.status = CallStatus.IN_PROGRESS;
        call.answeredAt = at;
        call.metadata = TEST_CALL_METADATA;
        return call;
    }

    /** Whether this is a console test call (never billed, shown as a test in the call log). */
    public boolean isTestCall() {
        return metadata != null && metadata.replace(" ", "").contains("\"test_call\":true");
    }

    private static String clip(String value) {
        return clip(value, NUMBER_COLUMN);
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    // ---- the route -------------------------------------------------------------------------

    public void recordStep(String step, String detail, Instant at) {
        RouteStep added = new RouteStep(step, detail, at);
        JsonArrayBuilder steps = Json.createArrayBuilder(readArray(route));
        try (JsonReader reader = Json.createReader(new StringReader(added.toJson()))) {
            steps.add(reader.readObject());
        }
        route = steps.build().toString();
    }

    public List<RouteStep> route() {
        return readArray(route).stream()
                .map(JsonObject.class::cast)
                .map(o -> new RouteStep(o.getString("step"), o.getString("detail"), Instant.parse(o.getString("at"))))
                .toList();
    }

    public boolean passedThrough(String step) {
        return route().stream().anyMatch(s -> s.step().equals(step));
    }

    // ---- screening -------------------------------------------------------------------------

    public void screened(int score, String action, List<String> reasons) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("A spam score is 0 to 100");
        }
        this.spamScore = (short) score;
        this.spamAction = Objects.requireNonNull(action, "action");
        JsonArrayBuilder list = Json.createArrayBuilder();
        reasons.forEach(list::add);
        this.spamReasons = list.build().toString();
    }

    public Optional<Integer> spamScore() {
        return Optional.ofNullable(spamScore).map(Short::intValue);
    }

    public Optional<String> spamAction() {
        return Optional.ofNullable(spamAction);
    }

    public List<String> spamReasons() {
        return readArray(spamReasons).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    public Optional<String> stirVerstat() {
        return Optional.ofNullable(stirVerstat);
    }

    /** The digit this caller must press; chosen once, so a retried webhook asks for the same one. */
    public int challengeDigit(IntSupplier chooser) {
        if (challengeDigit == null) {
            int digit = chooser.getAsInt();
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("A challenge is one digit");
            }
            challengeDigit = (short) digit;
        }
        return challengeDigit;
    }

    /** Records an answer to the challenge; true when it was the digit asked for. */
    public boolean answerChallenge(String digits) {
        if (challengeDigit == null) {
            throw new IllegalStateException("This call was not challenged");
        }
        boolean passed = digits != null && digits.strip().equals(String.valueOf(challengeDigit));
        if (!passed) {
            challengeAttempts++;
        }
        return passed;
    }

    public int failedChallenges() {
        return challengeAttempts;
    }

    // ---- where it went ---------------------------------------------------------------------

    public void routeTo(UUID department, UUID agent) {
        this.departmentId = department;
        this.agentId = agent;
    }

    public Optional<String> callToken() {
        return Optional.ofNullable(callToken);
    }

    public void recorded(String sid, String url, int seconds) {
        this.recordingSid = Objects.requireNonNull(sid, "sid");
        this.recordingUrl = Objects.requireNonNull(url, "url");
        this.recordingDurationSeconds = Math.max(0, seconds);
    }

    public Optional<String> recordingSid() {
        return Optional.ofNullable(recordingSid);
    }

    public Optional<String> recordingUrl() {
        return Optional.ofNullable(recordingUrl);
    }

    public Optional<Integer> recordingDurationSeconds() {
        return Optional.ofNullable(recordingDurationSeconds);
    }

    // ---- status --------------------------------------------------------------------------

    /**
     * Folds one status callback into the call. The result depends only on the set of reports
     * applied, not their order or repetition: an end outranks progress, a later sequence number an
     * earlier one, the answer time is the earliest seen. Returns whether the call changed.
     */
    public boolean apply(CallStatusReport report) {
        boolean changed = false;
        if (report.status() == CallStatus.IN_PROGRESS
                && (answeredAt == null || report.occurredAt().isBefore(answeredAt))) {
            answeredAt = report.occurredAt();
            changed = true;
        }
        if (report.outranks(status, lastStatusSequence)) {
            status = report.status();
            lastStatusSequence = report.sequenceNumber();
            changed = true;
            if (status.isTerminal()) {
                endedAt = report.occurredAt();
                durationSeconds = report.durationSeconds().orElse(0);
                // the token only ever serves a live call
                callToken = null;
            }
        }
        return changed;
    }

    public boolean hasEnded() {
        return status.isTerminal();
    }

    /** Minutes this call costs: every started minute of a finished call. */
    public int billableMinutes() {
        // a console test call never reached Twilio and is never charged
        return hasEnded() && !isTestCall() ? (durationSeconds + 59) / 60 : 0;
    }

    public void billed(int minutes) {
        this.creditsUsed = minutes;
    }

    public int creditsUsed() {
        return creditsUsed;
    }

    // ---- the conversation (filled by the receptionist) -----------------------------------

    /** The conversation's record, written when the call ends (a later end report changes nothing). */
    public void transcribed(String text, String shortSummary) {
        if (transcript != null) {
            return;
        }
        this.transcript = Objects.requireNonNull(text, "text");
        this.summary = shortSummary;
    }

    public Optional<String> transcript() {
        return Optional.ofNullable(transcript);
    }

    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    // ---- reading ---------------------------------------------------------------------------

    public String twilioCallSid() {
        return twilioCallSid;
    }

    public CallDirection direction() {
        return direction;
    }

    public String fromNumber() {
        return fromNumber;
    }

    public String toNumber() {
        return toNumber;
    }

    public CallStatus status() {
        return status;
    }

    public Optional<Integer> lastStatusSequence() {
        return Optional.ofNullable(lastStatusSequence);
    }

    public Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    public Optional<UUID> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public int durationSeconds() {
        return durationSeconds;
    }

    private static JsonArray readArray(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
