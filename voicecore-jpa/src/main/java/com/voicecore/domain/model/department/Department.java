package com.voicecore.domain.model.department;

import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.Optional;

/** A part of the company callers can be sent to: it has agents, a queue, a voicemail, an extension block. */
@Entity
@Table(name = "departments")
@NamedQuery(name = "Department.findAll", query = "select d from Department d order by lower(d.name), d.id")
@NamedQuery(name = "Department.findByName", query = "select d from Department d where lower(d.name) = lower(:name)")
@NamedQuery(name = "Department.findReception", query = "select d from Department d where d.reception = true")
public class Department extends TimestampedTenantEntity {

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "reception", nullable = false)
    private boolean reception;

    @Column(name = "extension_from")
    private Integer extensionFrom;

    @Column(name = "extension_to")
    private Integer extensionTo;

    @Column(name = "voicemail_greeting", length = 1000)
    private String voicemailGreeting;

    protected Department() {
    }

    public Department(String name, String description, ExtensionRange extensions, boolean reception) {
        rename(name);
        describe(description);
        assignExtensions(extensions);
        this.reception = reception;
    }

    public void rename(String newName) {
        Objects.requireNonNull(newName, "name");
        String trimmed = newName.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("A department name has 1 to 100 characters");
        }
        this.name = trimmed;
    }

    public void describe(String newDescription) {
        if (newDescription != null && newDescription.length() > 500) {
            throw new IllegalArgumentException("A department description has at most 500 characters");
        }
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
    }

    public void assignExtensions(ExtensionRange range) {
        this.extensionFrom = range == null ? null : range.first().number();
        this.extensionTo = range == null ? null : range.last().number();
    }

    public void changeVoicemailGreeting(String greeting) {
        if (greeting != null && greeting.length() > 1000) {
            throw new IllegalArgumentException("A voicemail greeting has at most 1000 characters");
        }
        this.voicemailGreeting = greeting;
    }

    /** Whether an agent of this department may hold the extension; a department without a block takes any. */
    public boolean admits(Extension extension) {
        return extensions().map(r -> r.contains(extension)).orElse(true);
    }

    /** Whether this department's extension block and another department's share an extension. */
    public boolean sharesExtensionsWith(Department other) {
        return !equals(other) && extensions().flatMap(mine -> other.extensions().map(mine::overlaps)).orElse(false);
    }

    public Optional<ExtensionRange> extensions() {
        return extensionFrom == null ? Optional.empty() : Optional.of(ExtensionRange.of(extensionFrom, extensionTo));
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public boolean isReception() {
        return reception;
    }

    public Optional<String> voicemailGreeting() {
        return Optional.ofNullable(voicemailGreeting);
    }
}
