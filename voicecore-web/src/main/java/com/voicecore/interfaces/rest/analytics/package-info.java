/** The analytics API: the report as JSON, each of its tables as JSON or CSV (docs/analytics.md). */
package com.voicecore.interfaces.rest.analytics;
