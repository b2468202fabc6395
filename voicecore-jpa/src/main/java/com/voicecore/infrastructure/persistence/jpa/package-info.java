/** JPA implementations of the domain repositories and the attribute converters they need. */
package com.voicecore.infrastructure.persistence.jpa;
