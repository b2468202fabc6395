/** The tenant registry as a tenant sees it; the platform's view lives behind the platform path. */
package com.voicecore.domain.model.tenant;
