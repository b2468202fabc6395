/**
 * Real-time announcements: what the application tells connected agents and supervisors, and the ports
 * through which a committed change reaches every node's sockets.
 */
package com.voicecore.application.realtime;
