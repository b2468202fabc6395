/**
 * The tenant admin's console pages (/admin/tenant/…): departments, agents, phone numbers and Twilio,
 * business hours, the receptionist, its knowledge base and spam rules. Each bean is named after its use
 * case, gathers the form and calls the application services through {@code AuditedChanges}, so every
 * change and its audit entry share one transaction (docs/console.md, "Company pages").
 */
package com.voicecore.interfaces.admin.tenant;
