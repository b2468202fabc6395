/** Messages callers leave for a department or one of its agents; seen only within that department. */
package com.voicecore.domain.model.voicemail;
