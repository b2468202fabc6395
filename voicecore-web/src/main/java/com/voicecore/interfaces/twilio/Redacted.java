package com.voicecore.interfaces.twilio;

/**
 * A failure as it may be logged from a webhook: the exception classes and stack traces, never their
 * messages, which can carry what the caller said (a database error quotes the row it refused).
 */
final class Redacted extends RuntimeException {

    private static final int MAX_CAUSES = 10;

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable failure) {
        return of(failure, 0);
    }

    private static Throwable of(Throwable failure, int depth) {
        if (failure == null || depth >= MAX_CAUSES) {
            return null;
        }
        Throwable cause = failure.getCause() == failure ? null : failure.getCause();
        return new Redacted(failure, of(cause, depth + 1));
    }

    @Override
    public String toString() {
        return "(message withheld) " + getMessage();
    }
}
