package com.voicecore.application.voice;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;

/**
 * The messages a bridge sends: OpenAI Realtime GA client events and Twilio Media Streams messages.
 * Audio payloads are base64 (no JSON escaping needed) and go in as they came.
 */
public final class RealtimeEvents {

    public static final String RESPONSE_CREATE = "{\"type\":\"response.create\"}";

    /** The four tools of the receptionist, as the session declares them. */
    public static final JsonArray TOOLS = Json.createArrayBuilder()
            .add(tool("transfer_call", "Transfer the caller to a department, a person or an extension. Give one of them.",
                    Json.createObjectBuilder()
                            .add("department", prop("string", "Department name, e.g. Sales"))
                            .add("agent", prop("string", "The person's name"))
                            .add("extension", prop("string", "The extension digits")), null))
            .add(tool("search_knowledge_base", "Look up the company's answer to the caller's question.",
                    Json.createObjectBuilder().add("query", prop("string", "The caller's question, in their words")), "query"))
            .add(tool("take_message", "Take a message for a department (the reception when none is named).",
                    Json.createObjectBuilder()
                            .add("message", prop("string", "The message"))
                            .add("caller_name", prop("string", "Who the message is from"))
                            .add("callback_number", prop("string", "Number to call back"))
                            .add("department", prop("string", "For which department")), "message"))
            .add(tool("end_call", "End the call after saying goodbye.",
                    Json.createObjectBuilder().add("reason", prop("string", "Why the call ends")), null))
            .build();

    private RealtimeEvents() {
    }

    public static String sessionUpdate(SessionConfig config) {
        return Json.createObjectBuilder()
                .add("type", "session.update")
                .add("session", Json.createObjectBuilder()
                        .add("type", "realtime")
                        .add("model", config.model())
                        .add("output_modalities", Json.createArrayBuilder().add("audio"))
                        .add("instructions", config.instructions())
                        .add("audio", Json.createObjectBuilder()
                                .add("input", Json.createObjectBuilder()
                                        .add("format", Json.createObjectBuilder().add("type", "audio/pcmu"))
                                        .add("turn_detection", Json.createObjectBuilder()
                                                .add("type", "server_vad")
                                                .add("silence_duration_ms", 500)
                                                .add("create_response", true)
                                                .add("interrupt_response", true))
                                        .add("transcription", Json.createObjectBuilder().add("model", "gpt-4o-transcribe")))
                                .add("output", Json.createObjectBuilder()
                                        .add("format", Json.createObjectBuilder().add("type", "audio/pcmu"))
                                        .add("voice", config.voice())))
                        .add("tools", TOOLS)
                        .add("tool_choice", "auto"))
                .build().toString();
    }

    /** A mid-call update of the instructions only: the other session fields stay as they are. */
    public static String instructionsUpdate(String instructions) {
        return Json.createObjectBuilder().add("type", "session.update")
                .add("session", Json.createObjectBuilder().add("type", "realtime").add("instructions", instructions))
                .build().toString();
    }

    /** {@code head} + {@code text[from, to)} + {@code tail} in one exactly sized copy: a prebuilt frame around its audio. */
    public static String wrap(String head, String text, int from, int to, String tail) {
        return new StringBuilder(head.length() + (to - from) + tail.length()).append(head).append(text, from, to).append(tail)
                .toString();
    }

    public static String append(String base64Audio) {
        return "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + base64Audio + "\"}";
    }

    public static String truncate(String itemId, int audioEndMs) {
        return Json.createObjectBuilder().add("type", "conversation.item.truncate").add("item_id", itemId)
                .add("content_index", 0).add("audio_end_ms", audioEndMs).build().toString();
    }

    public static String functionOutput(String callId, String output) {
        return Json.createObjectBuilder().add("type", "conversation.item.create")
                .add("item", Json.createObjectBuilder().add("type", "function_call_output").add("call_id", callId)
                        .add("output", output))
                .build().toString();
    }

    /** Twilio {@code clear}; {@code streamSidJson} is the stream SID as a JSON string (quoted). Media and marks are the bridge's prebuilt frames. */
    public static String clear(String streamSidJson) {
        return "{\"event\":\"clear\",\"streamSid\":" + streamSidJson + "}";
    }

    private static JsonObjectBuilder tool(String name, String description, JsonObjectBuilder properties, String required) {
        JsonObjectBuilder parameters = Json.createObjectBuilder().add("type", "object").add("properties", properties);
        if (required != null) {
            parameters.add("required", Json.createArrayBuilder().add(required));
        }
        return Json.createObjectBuilder().add("type", "function").add("name", name).add("description", description)
                .add("parameters", parameters);
    }

    private static JsonObjectBuilder prop(String type, String description) {
        return Json.createObjectBuilder().add("type", type).add("description", description);
    }
}
