/**
 * The company's calls in the console (/tenant/calls*.xhtml, /tenant/voicemail.xhtml,
 * /tenant/try-call.xhtml): the call log with its filters and CSV export, one call's detail, voicemail per
 * department, and test calls with the real receptionist. Beans only gather input and call the
 * application services the REST API uses ({@code CallLogService}, {@code ConversationService},
 * {@code TestCallService}); every id from a URL is looked up in the signed-in user's tenant.
 */
package com.voicecore.interfaces.admin.calls;
