/** The platform API: tenants, authorised by the platform key. */
package com.voicecore.interfaces.rest.platform;
