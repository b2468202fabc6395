/** MicroProfile Health checks (readiness reflects the database and the migrations). */
package com.voicecore.infrastructure.health;
