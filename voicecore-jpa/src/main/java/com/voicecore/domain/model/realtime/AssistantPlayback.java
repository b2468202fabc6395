package com.voicecore.domain.model.realtime;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * What of the assistant's current reply was forwarded to Twilio and what the caller has heard, so a
 * barge-in truncates the reply exactly where the caller stopped hearing it.
 * <p>
 * Each forwarded chunk is followed by a Twilio {@code mark}; Twilio echoes a mark once the audio before
 * it has been played. Heard audio is therefore the end of the last echoed mark, never more than what was
 * forwarded. μ-law at 8 kHz: 8 bytes = 1 ms. The state belongs to one assistant item: a new item resets
 * it (not only a barge-in), and marks of an earlier item (echoed late, or echoed by Twilio when a
 * {@code clear} drops them) count for nothing. Not thread-safe: the bridge serialises calls.
 */
public final class AssistantPlayback {

    public static final int BYTES_PER_MS = 8;

    /** A truncation to send OpenAI: the item and the audio the caller actually heard. */
    public record Truncation(String itemId, int audioEndMs) {
    }

    private record Mark(String name, long endByte) {
    }

    private final ArrayDeque<Mark> pending = new ArrayDeque<>();
    private long generation;
    /** "generation." : the prefix of this item's marks, built once per item rather than per echo. */
    private String prefix = "0.";
    private long markCounter;
    private String itemId;
    private long forwardedBytes;
    private long playedBytes;

    /** Makes {@code id} the current item; a different item than before starts from nothing. */
    public void startItem(String id) {
        if (id != null && id.equals(itemId)) {
            return;
        }
        reset();
        itemId = id;
    }

    /**
     * Records {@code bytes} of the item's audio as forwarded and answers the name of the mark to send
     * after them.
     */
    public String forwarded(String id, int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes < 0");
        }
        startItem(id);
        forwardedBytes += bytes;
        String name = prefix + (++markCounter);
        pending.addLast(new Mark(name, forwardedBytes));
        return name;
    }

    /** Twilio echoed a mark: everything up to it has been played. Unknown or stale marks change nothing. */
    public boolean played(String markName) {
        if (markName == null || !markName.startsWith(prefix)) {
            return false;
        }
        boolean known = false;
        for (Mark m : pending) { // usually the first: marks come back in order
            if (m.name().equals(markName)) {
                known = true;
                break;
            }
        }
        if (!known) {
            return false;
        }
        Mark mark;
        do {
            mark = pending.removeFirst();
        } while (!mark.name().equals(markName));
        playedBytes = mark.endByte();
        return true;
    }

    /** Audio forwarded and not yet confirmed as played. */
    public boolean hasPendingAudio() {
        return !pending.isEmpty();
    }

    /**
     * The caller started speaking. With audio still queued at Twilio, the reply is cut where the caller
     * stopped hearing it (the state is then reset: the cut item is over); with nothing pending, nothing
     * is cut.
     */
    public Optional<Truncation> bargeIn() {
        if (pending.isEmpty() || itemId == null) {
            return Optional.empty();
        }
        Truncation cut = new Truncation(itemId, (int) (Math.min(playedBytes, forwardedBytes) / BYTES_PER_MS));
        reset();
        return Optional.of(cut);
    }

    public Optional<String> itemId() {
        return Optional.ofNullable(itemId);
    }

    public long forwardedMs() {
        return forwardedBytes / BYTES_PER_MS;
    }

    public long playedMs() {
        return playedBytes / BYTES_PER_MS;
    }

    private void reset() {
        generation++;
        prefix = generation + ".";
        markCounter = 0;
        pending.clear();
        itemId = null;
        forwardedBytes = 0;
        playedBytes = 0;
    }

    /** Bytes of audio in a base64 string, without decoding it. */
    public static int decodedLength(String base64) {
        return decodedLength(base64, 0, base64.length());
    }

    /** Bytes of audio in the base64 text {@code [from, to)} of {@code text}, without copying or decoding it. */
    public static int decodedLength(CharSequence text, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        int padding = text.charAt(to - 1) == '=' ? (n > 1 && text.charAt(to - 2) == '=' ? 2 : 1) : 0;
        return n / 4 * 3 - padding;
    }
}
