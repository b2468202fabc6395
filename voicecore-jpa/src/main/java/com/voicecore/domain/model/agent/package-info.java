/** Agents: the people who take calls, their extensions and their presence. */
package com.voicecore.domain.model.agent;
