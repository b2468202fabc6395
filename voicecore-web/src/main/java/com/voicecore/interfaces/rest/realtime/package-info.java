/** REST: the tenant's realtime voice settings. */
package com.voicecore.interfaces.rest.realtime;
