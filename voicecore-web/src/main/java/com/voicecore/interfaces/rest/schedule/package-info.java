/** Business hours: what applies now, and the emergency override. */
package com.voicecore.interfaces.rest.schedule;
