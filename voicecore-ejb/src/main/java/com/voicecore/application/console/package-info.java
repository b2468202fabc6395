/**
 * Use cases of the admin console that no other channel has: sign-in of tenant users and platform
 * admins, and the audit log of admin actions (docs/console.md).
 */
package com.voicecore.application.console;
