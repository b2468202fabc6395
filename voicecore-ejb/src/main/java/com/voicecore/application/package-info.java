/** The use cases, one interface each, with the commands and views they take and give. */
package com.voicecore.application;
