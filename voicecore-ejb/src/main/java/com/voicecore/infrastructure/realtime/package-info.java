/**
 * PostgreSQL LISTEN/NOTIFY as the cluster's announcement bus: NOTIFY inside the committing transaction,
 * one dedicated listening connection per node.
 */
package com.voicecore.infrastructure.realtime;
