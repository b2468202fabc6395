/** The platform admins' pages: tenants, the platform spam list, system health. */
package com.voicecore.interfaces.admin.platform;
