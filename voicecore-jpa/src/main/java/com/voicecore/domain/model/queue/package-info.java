/**
 * Department queues: callers waiting for an agent, their priority (VIP, repeat callers, rising with
 * the wait), the offers made to agents, and how each wait ended.
 */
package com.voicecore.domain.model.queue;
