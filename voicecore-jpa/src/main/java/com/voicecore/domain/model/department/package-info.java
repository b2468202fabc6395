/** Departments: the places a call can be routed to, each with its extension block and voicemail. */
package com.voicecore.domain.model.department;
