package com.voicecore.application.realtime;

/** Who of a tenant's sockets receive an event. */
public enum Audience {
    /** every socket of the tenant (presence changes) */
    TENANT,
    /** the department's agents and every supervisor (queue snapshots, call events) */
    DEPARTMENT,
    /** one agent's own agent sockets (offers) */
    AGENT
}
