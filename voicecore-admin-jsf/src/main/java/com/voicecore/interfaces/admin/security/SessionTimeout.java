package com.voicecore.interfaces.admin.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A console session ends after {@code voicecore.console.session-timeout-minutes} (default 30) without
 * a request; the next request goes to the sign-in page. Configurable, unlike web.xml's fixed value.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    static final String PROPERTY = "voicecore.console.session-timeout-minutes";

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        int minutes = ConfigProvider.getConfig(getClass().getClassLoader()).getOptionalValue(PROPERTY, Integer.class).orElse(30);
        event.getSession().setMaxInactiveInterval(Math.max(1, Math.min(minutes, 24 * 60)) * 60);
    }
}
