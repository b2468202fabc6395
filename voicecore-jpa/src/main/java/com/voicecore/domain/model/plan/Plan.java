package com.voicecore.domain.model.plan;

import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Locale;
import java.util.Objects;

/** A tenant's plan: minutes included each month and what happens when they are used up. */
@Entity
@Table(name = "plans")
public class Plan extends TimestampedTenantEntity {

    /** What callers get once the month's minutes are used; never a silent failure. */
    public enum Degradation {
        VOICEMAIL_ONLY, RECEPTIONIST_OFF, POLITE_MESSAGE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Column(name = "code", nullable = false, length = 40)
    private String code;

    @Column(name = "included_minutes", nullable = false)
    private int includedMinutes;

    @Column(name = "degradation", nullable = false, length = 30)
    private String degradation;

    protected Plan() {
    }

    public Plan(String code, int includedMinutes, Degradation degradation) {
        change(code, includedMinutes, degradation);
    }

    public void change(String newCode, int minutes, Degradation newDegradation) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Included minutes cannot be negative");
        }
        this.code = Objects.requireNonNull(newCode, "code");
        this.includedMinutes = minutes;
        this.degradation = Objects.requireNonNull(newDegradation, "degradation").code();
    }

    public String code() {
        return code;
    }

    public int includedMinutes() {
        return includedMinutes;
    }

    public Degradation degradation() {
        return Degradation.valueOf(degradation.toUpperCase(Locale.ROOT));
    }
}
