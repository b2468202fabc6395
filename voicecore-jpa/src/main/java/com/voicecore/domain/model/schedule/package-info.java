/** Business hours, holidays and overrides, per tenant and per department. */
package com.voicecore.domain.model.schedule;
