/** Schema migrations (Flyway, scripts in /db) and the safety checks on the database roles. */
package com.voicecore.infrastructure.persistence.migration;
