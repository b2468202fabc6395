/** The call log: every call with its route, status history, spam verdict, recording and cost. */
package com.voicecore.interfaces.rest.call;
