/** The platform path: the only code that reaches across tenants, through db functions that return ids and registry rows only. */
package com.voicecore.infrastructure.platform;
