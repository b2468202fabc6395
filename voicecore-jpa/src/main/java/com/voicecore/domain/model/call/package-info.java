/** Calls and their status history. */
package com.voicecore.domain.model.call;
