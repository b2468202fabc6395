package com.voicecore.application.console;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A console change and its audit entry in one transaction: the change runs through the existing
 * application services (which join this transaction), then the tenant admin's action is recorded. If
 * the change is refused, nothing is saved and nothing is recorded; if the record fails, the change is
 * rolled back too. So the audit log never misses a change and never claims one that did not happen.
 */
public interface AuditedChanges {

    /**
     * Runs {@code change} and records {@code action} by {@code actor}, naming the changed object with
     * {@code subject} and saying what changed with {@code detail} (both from the change's result).
     */
    <T> T change(String actor, String action, Supplier<T> change, Function<? super T, String> subject,
                 Function<? super T, String> detail);

    /** A change whose subject is known beforehand (a removal). */
    void change(String actor, String action, String subject, String detail, Runnable change);
}
