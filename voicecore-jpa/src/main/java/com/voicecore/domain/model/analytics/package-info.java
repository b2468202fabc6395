/**
 * The analytics read model: a report over a period in the tenant's time zone (calls per day and hour,
 * answered, abandoned, voicemail, ASA, service level, AHT, occupancy, containment, spam blocked; per
 * department and per agent). Definitions in docs/analytics.md; computed in PostgreSQL by the repository.
 */
package com.voicecore.domain.model.analytics;
