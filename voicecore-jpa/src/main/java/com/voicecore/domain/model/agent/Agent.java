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

    protected Agent() {
    }

    public Agent(String name, EmailAddress email, Department department, Extension extension) {
        rename(name);
        changeEmail(email);
        assign(department, extension);
        this.statusChangedAt = Instant.now();
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

    public void changeStatus(AgentStatus newStatus) {
        Objects.requireNonNull(newStatus, "status");
        if (newStatus != status) {
            status = newStatus;
            statusChangedAt = Instant.now();
        }
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
