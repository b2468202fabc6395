/**
 * Business hours, holidays and overrides, per tenant and per department. {@link
 * com.voicecore.domain.model.schedule.BusinessCalendar} is the rule that answers "open now, and why"
 * ({@link com.voicecore.domain.model.schedule.OpeningState}) from a schedule's stored rows.
 */
package com.voicecore.domain.model.schedule;
