/** A dedicated PostgreSQL connection that LISTENs on a channel (driver-level, hence next to the migrations). */
package com.voicecore.infrastructure.persistence.notify;
