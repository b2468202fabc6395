/** The audit log of admin actions: tenant-scoped entries (an entity) and the platform's own log (a port). */
package com.voicecore.domain.model.audit;
