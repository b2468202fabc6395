/** The platform's register of tenants (a port; the platform path implements it) and what it returns. */
package com.voicecore.domain.model.registry;
