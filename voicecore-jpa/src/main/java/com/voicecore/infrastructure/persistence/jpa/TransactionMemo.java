package com.voicecore.infrastructure.persistence.jpa;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.Supplier;

/**
 * Remembers a lookup for the rest of the JTA transaction. A webhook asks for the tenant's one-row
 * settings several times (voice, recording, limits, plan); the persistence context keeps the entity
 * but would still run the query each time. A transaction serves one tenant, so the memo cannot leak
 * across tenants, and it ends with the transaction. Outside a transaction it just computes.
 */
@ApplicationScoped
public class TransactionMemo {

    @Resource
    private TransactionSynchronizationRegistry registry;

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> lookup) {
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return lookup.get();
        }
        String slot = TransactionMemo.class.getName() + ":" + key;
        Object known = registry.getResource(slot);
        if (known == null) {
            known = lookup.get();
            registry.putResource(slot, known);
        }
        return (T) known;
    }

    public void forget(String key) {
        if (registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.putResource(TransactionMemo.class.getName() + ":" + key, null);
        }
    }
}
