/** The tenant's plan and its limits. */
package com.voicecore.domain.model.plan;
