package com.voicecore.domain.model.queue;

import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A number the tenant serves first: it enters a queue with the VIP bonus. */
@Entity
@Table(name = "vip_callers")
@NamedQuery(name = "VipCaller.findAll", query = "select v from VipCaller v order by v.number")
public class VipCaller extends TenantOwnedEntity {

    @Column(name = "number", nullable = false, length = 16)
    private String number;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected VipCaller() {
    }

    public VipCaller(PhoneNumber number, Instant at) {
        this.number = number.e164();
        this.createdAt = at;
    }

    public PhoneNumber number() {
        return new PhoneNumber(number);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
