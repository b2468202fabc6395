/** API keys: issued once in clear, stored as hashes. */
package com.voicecore.domain.model.apikey;
