package com.voicecore.infrastructure.transaction;

import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Bound to every EJB of this module as a default interceptor (ejb-jar.xml), so no service can forget
 * it: the thread's tenant (or explicitly none) is applied to the transaction the container has just
 * begun, before the method touches the database.
 */
public class TenantTransactionInterceptor {

    @Inject
    TenantTransactions transactions;

    @AroundInvoke
    public Object applyTenant(InvocationContext invocation) throws Exception {
        transactions.apply(TenantContext.current());
        return invocation.proceed();
    }
}
