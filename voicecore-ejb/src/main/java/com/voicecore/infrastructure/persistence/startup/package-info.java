/** Runs the schema migrations when the application starts. */
package com.voicecore.infrastructure.persistence.startup;
