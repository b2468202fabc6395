/** The agent softphone's static pages ({@code /agent/}): the HTTP headers that protect and describe them. */
package com.voicecore.interfaces.web;
