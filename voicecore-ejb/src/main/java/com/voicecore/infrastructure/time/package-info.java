/** Time as the application sees it. */
package com.voicecore.infrastructure.time;
