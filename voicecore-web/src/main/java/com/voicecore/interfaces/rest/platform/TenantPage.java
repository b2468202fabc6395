package com.voicecore.interfaces.rest.platform;

import java.util.List;

public record TenantPage(List<TenantResponse> items, long total, int limit, int offset) {
}
