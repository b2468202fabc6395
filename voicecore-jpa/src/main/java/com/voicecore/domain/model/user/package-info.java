/** The tenant's console users and their roles. */
package com.voicecore.domain.model.user;
