/** Who may call: tenant API keys, the platform key, and the tenant context they set. */
package com.voicecore.interfaces.rest.security;
