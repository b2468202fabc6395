/** The typed business failures of the use cases; the edges map each to one HTTP problem type. */
package com.voicecore.application.exception;
