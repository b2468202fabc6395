/**
 * The analytics dashboard (/team/analytics.xhtml, tenant admins and supervisors): one report of
 * {@code AnalyticsService} per request, its headline figures, charts and tables, each table downloadable
 * as the same CSV the analytics API answers ({@code AnalyticsTable}). The filter lives in the URL so a
 * dashboard can be bookmarked; ids in it are looked up in the signed-in user's tenant only.
 */
package com.voicecore.interfaces.admin.analytics;
