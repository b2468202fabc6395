/** What the platform must tell a tenant (credit thresholds, …); delivery comes with webhooks. */
package com.voicecore.domain.model.notification;
