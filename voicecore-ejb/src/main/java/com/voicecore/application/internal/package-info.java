/** The use cases' implementations: stateless EJBs, each the transaction boundary of its use case. */
package com.voicecore.application.internal;
