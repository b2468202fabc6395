/** Console pages of the audit log: the company's (tenant admins) and the platform's (platform admins). */
package com.voicecore.interfaces.admin.audit;
