package com.voicecore.application.internal;

import com.voicecore.application.console.AdminAuditService;
import com.voicecore.application.console.AuditedChanges;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.function.Function;
import java.util.function.Supplier;

/** The transaction boundary around a console change (REQUIRED: the services it calls join it). */
@Stateless
public class DefaultAuditedChanges implements AuditedChanges {

    @Inject
    AdminAuditService audit;

    @Override
    public <T> T change(String actor, String action, Supplier<T> change, Function<? super T, String> subject,
                        Function<? super T, String> detail) {
        T result = change.get();
        audit.recordTenantAction(actor, action, subject.apply(result), detail.apply(result));
        return result;
    }

    @Override
    public void change(String actor, String action, String subject, String detail, Runnable change) {
        change.run();
        audit.recordTenantAction(actor, action, subject, detail); // the entry clips long text itself
    }
}
