/** RFC 9457 problem responses: every failure the API can give, mapped once. */
package com.voicecore.interfaces.rest.problem;
