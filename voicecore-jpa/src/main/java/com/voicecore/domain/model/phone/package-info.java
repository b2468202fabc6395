/** The tenant's phone numbers. */
package com.voicecore.domain.model.phone;
