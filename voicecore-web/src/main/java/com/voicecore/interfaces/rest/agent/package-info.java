/** /api/v1/agents. */
package com.voicecore.interfaces.rest.agent;
