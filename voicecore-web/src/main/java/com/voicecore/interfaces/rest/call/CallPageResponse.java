package com.voicecore.interfaces.rest.call;

import java.util.List;

public record CallPageResponse(List<CallResponse> calls, long total, int page, int size) {
}
