/** The REST API (/api/v1): thin resources that validate transfer objects and call the use cases. */
package com.voicecore.interfaces.rest;
