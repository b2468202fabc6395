package com.voicecore.interfaces.admin.calls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which stored recording addresses the audio player may load. */
class ViewCallTest {

    @Test
    void twilioRecordingsPlayAsMp3() {
        assertEquals("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1.mp3",
                ViewCall.playable("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1"));
        assertEquals("https://media.example/RE1.wav", ViewCall.playable("https://media.example/RE1.wav"));
    }

    @Test
    void anythingButHttpsIsNotPlayed() {
        assertNull(ViewCall.playable("javascript:alert(1)"));
        assertNull(ViewCall.playable("http://api.twilio.com/Recordings/RE1"));
        assertNull(ViewCall.playable("data:audio/mp3;base64,AAAA"));
        assertNull(ViewCall.playable("not a url"));
    }

    @Test
    void idsMustBeWellFormedUuids() {
        assertEquals(java.util.Optional.empty(), com.voicecore.interfaces.admin.Pages.id("../../etc"));
        assertEquals(java.util.Optional.empty(), com.voicecore.interfaces.admin.Pages.id(null));
        assertEquals(java.util.Optional.empty(), com.voicecore.interfaces.admin.Pages.id("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"));
        assertEquals("3f2c1a4e-0000-4000-8000-000000000001",
                com.voicecore.interfaces.admin.Pages.id("3f2c1a4e-0000-4000-8000-000000000001").orElseThrow().toString());
    }
}
