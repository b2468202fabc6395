package com.voicecore.domain.model.agent;

import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A person who answers calls. Keeps its own rules: the extension must fit its department's block. */
@Entity
@Table(name = "agents")
@NamedQuery(name = "Agent.findAll", query = "select a from Agent a order by lower(a.name), a.id")
@NamedQuery(name = "Agent.findByDepartment",
        query = "select a from Agent a where a.departmentId = :departmentId order by lower(a.name), a.id")
@NamedQuery(name = "Agent.findByExtension", query = "select a from Agent a where a.extension = :extension")
@NamedQuery(name = "Agent.findByEmail", query = "select a from Agent a where a.email = :email")
@NamedQuery(name = "Agent.findAvailableInDepartment",
        query = "select a from Agent a where a.departmentId = :departmentId and a.status = :available "
                + "order by a.statusChangedAt, a.id")
@NamedQuery(name = "Agent.findIdleInDepartment",
        query = "select a from Agent a where a.departmentId = :departmentId and a.status = :available "
                + "and a.activity = :idle order by a.activitySince, a.id")
@NamedQuery(name = "Agent.findStale",
        query = "select a from Agent a where a.status <> :notAvailable and a.activity in :expirable "
                + "and a.lastSeenAt < :staleBefore")
@NamedQuery(name = "Agent.findWrapUpDone",
        query = "select a from Agent a where a.activity = :wrapUp and a.wrapUpUntil <= :now")
@NamedQuery(name = "Agent.countLoggedIn",
        query = "select count(a) from Agent a where a.departmentId = :departmentId and a.status <> :notAvailable "
                + "and a.lastSeenAt >= :since")
@NamedQuery(name = "Agent.findByUser", query = "select a from Agent a where a.userId = :userId")
@NamedQuery(name = "Agent.countByDepartment", query = "select count(a) from Agent a where a.departmentId = :departmentId")
public class Agent extends TimestampedTenantEntity {

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** A phone of the agent's own, rung when the agent has no softphone open. */
    @Column(name = "phone_number", length = 16)
    private String phoneNumber;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "extension")
    private Integer extension;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "user_id")
    private UUID userId;

    @Convert(converter = AgentStatusConverter.class)
    @Column(name = "status", nullable = false)
    private AgentStatus status = AgentStatus.NOT_AVAILABLE;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Convert(converter = AgentActivityConverter.class)
    @Column(name = "activity", nullable = false)
    private AgentActivity activity = AgentActivity.AWAY;

    /** Since when the agent does what {@link #activity} says: for an idle agent, how long idle. */
    @Column(name = "activity_since", nullable = false)
    private Instant activitySince;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "missed_offers", nullable = false)
    private int missedOffers;

    @Column(name = "wrap_up_until")
    private Instant wrapUpUntil;

    @Column(name = "presence_version", nullable = false)
    private long presenceVersion;

    /** The reason of the last change, announced with it (not stored: the log and the event carry it). */
    private transient PresenceReason lastReason = PresenceReason.API;

    protected Agent() {
    }

    public Agent(String name, EmailAddress email, Department department, Extension extension) {
        rename(name);
        changeEmail(email);
        assign(department, extension);
        this.statusChangedAt = Instant.now();
        this.activitySince = statusChangedAt;
    }

    public void rename(String newName) {
        Objects.requireNonNull(newName, "name");
        String trimmed = newName.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new IllegalArgumentException("An agent name has 1 to 200 characters");
        }
        this.name = trimmed;
    }

    public void changeEmail(EmailAddress newEmail) {
        this.email = Objects.requireNonNull(newEmail, "email").value();
    }

    /**
     * Places the agent in a department (or none) with an extension (or none). The department's
     * extension block, when it has one, must contain the extension.
     */
    public void assign(Department department, Extension newExtension) {
        if (department != null && newExtension != null && !department.admits(newExtension)) {
            throw new ExtensionOutsideDepartmentException(newExtension, department);
        }
        this.departmentId = department == null ? null : department.id();
        this.extension = newExtension == null ? null : newExtension.number();
    }

    /** A status set through the API (an administrator or integrator): the same rules as the agent's own choice. */
    public void changeStatus(AgentStatus newStatus) {
        choose(newStatus, Instant.now(), PresenceReason.API);
    }

    /**
     * The agent (or the API) chooses a status. Available means ready for offers (idle); busy and not
     * available mean away. While a call or its wrap-up holds the agent, only "available" is accepted
     * during wrap-up (ending it early); anything else is refused. An open offer is given up.
     *
     * @return whether anything changed
     */
    public boolean choose(AgentStatus newStatus, Instant now, PresenceReason reason) {
        Objects.requireNonNull(newStatus, "status");
        if (activity == AgentActivity.ON_CALL) {
            if (newStatus == status) {
                return false;
            }
            throw new PresenceStateException("The agent is on a call: the status changes when the call ends");
        }
        if (activity == AgentActivity.WRAP_UP) {
            if (newStatus != AgentStatus.AVAILABLE) {
                throw new PresenceStateException("The agent is wrapping up: choose available to end the wrap-up");
            }
            wrapUpUntil = null;
            return move(AgentStatus.AVAILABLE, AgentActivity.IDLE, now, PresenceReason.WRAP_UP_DONE);
        }
        if (newStatus == AgentStatus.AVAILABLE) {
            missedOffers = 0;
        }
        // A choice from the agent's own client is a sign of life: its heartbeats keep the presence from
        // now on. A status set through the API is API-managed: no client, so no heartbeat expiry.
        lastSeenAt = reason == PresenceReason.AGENT ? now : null;
        return move(newStatus, newStatus == AgentStatus.AVAILABLE ? AgentActivity.IDLE : AgentActivity.AWAY, now, reason);
    }

    /** Whether a client keeps this agent's presence (heartbeats since {@code since}): the agent can take offers. */
    public boolean isConnectedSince(Instant since) {
        return lastSeenAt != null && !lastSeenAt.isBefore(since);
    }

    /** A heartbeat: the agent's client is still there. Changes no status, so nothing is announced. */
    public void heartbeat(Instant now) {
        if (lastSeenAt == null || now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
    }

    /** Heartbeats stopped before {@code staleBefore}: the agent is set not available (never mid-call). */
    public boolean expireIfSilentSince(Instant staleBefore, Instant now) {
        if (status == AgentStatus.NOT_AVAILABLE || activity == AgentActivity.ON_CALL || activity == AgentActivity.WRAP_UP
                || activity == AgentActivity.OFFERED) {
            return false;
        }
        if (lastSeenAt == null || !lastSeenAt.isBefore(staleBefore)) {
            return false;
        }
        return move(AgentStatus.NOT_AVAILABLE, AgentActivity.AWAY, now, PresenceReason.HEARTBEAT_EXPIRED);
    }

    /** Whether a call may be offered: available and idle. */
    public boolean canBeOffered() {
        return status == AgentStatus.AVAILABLE && activity == AgentActivity.IDLE;
    }

    /** A call is offered: the agent rings and is offered no other call meanwhile. */
    public void offer(Instant now) {
        if (!canBeOffered()) {
            throw new PresenceStateException("Only an available, idle agent can be offered a call");
        }
        move(status, AgentActivity.OFFERED, now, PresenceReason.OFFERED);
    }

    /**
     * The offer went unanswered or was rejected: back to idle (at the end of the idle line, so the next
     * call goes to someone else first), or not available after {@code maxMissed} misses in a row.
     */
    public void missOffer(Instant now, int maxMissed) {
        if (activity != AgentActivity.OFFERED) {
            return;
        }
        missedOffers++;
        if (missedOffers >= maxMissed) {
            missedOffers = 0;
            move(AgentStatus.NOT_AVAILABLE, AgentActivity.AWAY, now, PresenceReason.MISSED_OFFERS);
        } else {
            move(status, AgentActivity.IDLE, now, PresenceReason.OFFER_ENDED);
        }
    }

    /** The offer was withdrawn (the caller left, or the agent's status changed): back to idle, no miss. */
    public void withdrawOffer(Instant now) {
        if (activity == AgentActivity.OFFERED) {
            move(status, AgentActivity.IDLE, now, PresenceReason.OFFER_ENDED);
        }
    }

    /** The agent accepted: busy, on the call. */
    public void acceptCall(Instant now) {
        if (activity != AgentActivity.OFFERED) {
            throw new PresenceStateException("There is no offer to accept");
        }
        missedOffers = 0;
        move(AgentStatus.BUSY, AgentActivity.ON_CALL, now, PresenceReason.CALL_ACCEPTED);
    }

    /** The bridge to the agent's phone was not answered: available again (counted as a missed offer). */
    public void bridgeFailed(Instant now, int maxMissed) {
        if (activity == AgentActivity.ON_CALL) {
            status = AgentStatus.AVAILABLE;
            activity = AgentActivity.OFFERED;
            missOffer(now, maxMissed);
        }
    }

    /** The call ended: wrap-up for {@code wrapUp}, then available again; no wrap-up means available now. */
    public void endCall(Instant now, java.time.Duration wrapUp) {
        if (activity != AgentActivity.ON_CALL) {
            return;
        }
        if (wrapUp.isZero() || wrapUp.isNegative()) {
            move(AgentStatus.AVAILABLE, AgentActivity.IDLE, now, PresenceReason.CALL_ENDED);
        } else {
            wrapUpUntil = now.plus(wrapUp);
            move(AgentStatus.BUSY, AgentActivity.WRAP_UP, now, PresenceReason.CALL_ENDED);
        }
    }

    /** The wrap-up time is over: available again. */
    public boolean finishWrapUpIfDue(Instant now) {
        if (activity != AgentActivity.WRAP_UP || wrapUpUntil == null || wrapUpUntil.isAfter(now)) {
            return false;
        }
        wrapUpUntil = null;
        lastSeenAt = now;
        return move(AgentStatus.AVAILABLE, AgentActivity.IDLE, now, PresenceReason.WRAP_UP_DONE);
    }

    private boolean move(AgentStatus newStatus, AgentActivity newActivity, Instant now, PresenceReason reason) {
        if (newStatus == status && newActivity == activity) {
            return false;
        }
        if (newStatus != status) {
            statusChangedAt = now;
        }
        status = newStatus;
        activity = newActivity;
        activitySince = now;
        presenceVersion++;
        lastReason = reason;
        return true;
    }

    /** The change just made, as it is announced. */
    public PresenceChange presence() {
        return new PresenceChange(tenantId(), id(), name, departmentId, status, activity, activitySince, lastReason,
                presenceVersion);
    }

    public AgentActivity activity() {
        return activity;
    }

    public Instant activitySince() {
        return activitySince;
    }

    public Optional<Instant> lastSeenAt() {
        return Optional.ofNullable(lastSeenAt);
    }

    public int missedOffers() {
        return missedOffers;
    }

    public Optional<Instant> wrapUpUntil() {
        return Optional.ofNullable(wrapUpUntil);
    }

    public long presenceVersion() {
        return presenceVersion;
    }

    public void linkUser(UUID tenantUserId) {
        this.userId = tenantUserId;
    }

    public String name() {
        return name;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public Optional<Extension> extension() {
        return extension == null ? Optional.empty() : Optional.of(new Extension(extension));
    }

    public Optional<UUID> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public Optional<UUID> userId() {
        return Optional.ofNullable(userId);
    }

    public AgentStatus status() {
        return status;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public void reachAt(PhoneNumber number) {
        this.phoneNumber = number == null ? null : number.e164();
    }

    public Optional<PhoneNumber> phoneNumber() {
        return Optional.ofNullable(phoneNumber).map(PhoneNumber::new);
    }

    /** The identity the agent's softphone registers with Twilio Client (and the Dial target). */
    public String clientIdentity() {
        return "agent-" + id();
    }

    public boolean isAvailable() {
        return status() == AgentStatus.AVAILABLE;
    }
}
