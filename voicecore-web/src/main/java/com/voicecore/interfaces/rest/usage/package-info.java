/** The tenant's plan, minutes used this month and the notifications about them. */
package com.voicecore.interfaces.rest.usage;
