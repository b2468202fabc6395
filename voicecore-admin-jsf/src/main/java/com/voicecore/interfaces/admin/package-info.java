/** The PrimeFaces admin console (/admin): thin, use-case named beans that call the application services. */
package com.voicecore.interfaces.admin;
