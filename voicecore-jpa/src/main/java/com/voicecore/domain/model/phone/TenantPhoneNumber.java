package com.voicecore.domain.model.phone;

import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A Twilio number the tenant pointed at VoiceCore; a number belongs to one tenant only. */
@Entity
@Table(name = "phone_numbers")
@NamedQuery(name = "TenantPhoneNumber.findAll", query = "select p from TenantPhoneNumber p order by p.e164")
@NamedQuery(name = "TenantPhoneNumber.findByNumber", query = "select p from TenantPhoneNumber p where p.e164 = :e164")
public class TenantPhoneNumber extends TenantOwnedEntity {

    @Column(name = "e164", nullable = false, length = 16)
    private String e164;

    @Column(name = "twilio_account_sid", length = 34)
    private String twilioAccountSid;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "label", length = 100)
    private String label;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TenantPhoneNumber() {
    }

    public TenantPhoneNumber(PhoneNumber number, String twilioAccountSid, UUID departmentId, String label) {
        this.e164 = number.e164();
        this.twilioAccountSid = twilioAccountSid;
        this.departmentId = departmentId;
        this.label = label;
        this.createdAt = Instant.now();
    }

    public PhoneNumber number() {
        return new PhoneNumber(e164);
    }

    public Optional<UUID> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** Sends calls to this number to a department first (none: the tenant's reception). */
    public void change(UUID newDepartmentId, String newLabel) {
        this.departmentId = newDepartmentId;
        this.label = newLabel;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
