package com.voicecore.domain.model.call;

import java.util.List;

/** One page of the call log, newest first, with the total for paging. */
public record CallPage(List<Call> calls, long total, int page, int size) {
}
