/** /api/v1/departments. */
package com.voicecore.interfaces.rest.department;
