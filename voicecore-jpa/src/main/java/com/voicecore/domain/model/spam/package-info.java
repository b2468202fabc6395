/** The tenant's spam rules. */
package com.voicecore.domain.model.spam;
