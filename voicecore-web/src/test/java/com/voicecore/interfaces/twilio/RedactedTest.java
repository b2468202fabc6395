package com.voicecore.interfaces.twilio;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactedTest {

    @Test
    void theLoggedFailureKeepsClassesAndTracesButNotTheCallersWords() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"knowledge_suggestions_pending_idx\" Detail: Key (normalized)=(do you treat my sick llama) already exists.");
        RuntimeException failure = new IllegalStateException("could not execute statement: do you treat my sick llama",
                new RuntimeException("wrapped: do you treat my sick llama", sql));
        Throwable logged = Redacted.of(failure);
        StringWriter out = new StringWriter();
        logged.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        assertFalse(text.contains("llama"), text);
        assertTrue(text.contains("java.lang.IllegalStateException") && text.contains("java.sql.SQLException"), text);
        assertArrayEquals(failure.getStackTrace(), logged.getStackTrace());
    }
}
