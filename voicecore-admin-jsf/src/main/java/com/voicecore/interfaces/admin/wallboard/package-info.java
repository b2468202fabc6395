/**
 * The live wallboard (/team/wallboard.xhtml, supervisors and tenant admins): agents' presence and the
 * department queues, redrawn in the open page whenever the tenant's real-time feed announces a change.
 * {@link com.voicecore.interfaces.admin.wallboard.WallboardRelay} turns the feed into a Faces push on
 * the {@code wallboard} channel, addressed to the event's tenant only.
 */
package com.voicecore.interfaces.admin.wallboard;
