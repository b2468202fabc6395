/** Language detection of callers' words: Lingua (offline, no service call) behind the domain's LanguageDetection port. */
package com.voicecore.infrastructure.language;
