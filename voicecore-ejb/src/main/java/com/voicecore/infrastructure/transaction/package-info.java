/** Applying the thread's tenant to each JTA transaction (the database half of the tenant wall). */
package com.voicecore.infrastructure.transaction;
