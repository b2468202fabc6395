package com.voicecore.domain.model.spam;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's spam rules and reports, and the platform list's count for a number. */
public interface SpamRuleRepository {

    List<SpamRule> activeRules();

    List<SpamRule> allRules();

    Optional<SpamRule> rule(UUID id);

    void store(SpamRule rule);

    void remove(SpamRule rule);

    /** How many other tenants reported this number (the platform list); never who. */
    int reportsElsewhere(String number);

    /** Stores the report unless this tenant reported the number before; returns the stored one. */
    SpamReport report(SpamReport report);

    List<SpamReport> reports(int limit);
}
