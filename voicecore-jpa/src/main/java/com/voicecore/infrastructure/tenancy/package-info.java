/**
 * The tenant context: one per thread, set by each entry point, read by Hibernate's {@code @TenantId}
 * and by the transaction interceptor that applies it to PostgreSQL's row-level security.
 */
package com.voicecore.infrastructure.tenancy;
