/** The receptionist's settings: greeting, languages, voice and transport. */
package com.voicecore.domain.model.receptionist;
