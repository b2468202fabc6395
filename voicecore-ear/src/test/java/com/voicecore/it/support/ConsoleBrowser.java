package com.voicecore.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium on the console for a test class ({@code @RegisterExtension static final}): started
 * before the class's tests where Debian's chromium is installed (otherwise each test skips itself with
 * {@link Browser#assumeAvailable()}), closed after them.
 */
public final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback {

    private Browser browser;
    private Console console;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Browser.installed()) {
            browser = Browser.start();
            console = new Console(browser);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The browser, or {@code null} where Chromium is not installed. */
    public Browser browser() {
        return browser;
    }

    public Console console() {
        return console;
    }
}
