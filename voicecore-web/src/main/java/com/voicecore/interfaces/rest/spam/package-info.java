/** Spam rules, reports, and testing how a number would be screened. */
package com.voicecore.interfaces.rest.spam;
