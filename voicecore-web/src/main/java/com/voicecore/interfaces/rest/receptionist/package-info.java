/** The receptionist for integrators: its settings, the knowledge base, and the suggestions learnt from calls. */
package com.voicecore.interfaces.rest.receptionist;
