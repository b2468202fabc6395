/** The tenant's knowledge base: the answers the receptionist can give. */
package com.voicecore.domain.model.knowledge;
