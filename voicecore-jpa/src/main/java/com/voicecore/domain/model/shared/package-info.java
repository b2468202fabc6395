/** Value objects shared by the aggregates (extensions, phone numbers, e-mail) and the tenant-owned base. */
package com.voicecore.domain.model.shared;
