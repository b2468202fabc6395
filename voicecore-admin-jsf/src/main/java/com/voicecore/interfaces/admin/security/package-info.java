/**
 * Console sign-in (Jakarta Security: the custom form mechanism, or OpenID Connect by configuration),
 * the identity store over tenant users and platform admins, the per-request tenant context and the
 * session's rules. See docs/console.md.
 */
package com.voicecore.interfaces.admin.security;
