package com.voicecore.domain.model.notification;

import java.time.LocalDate;
import java.util.List;

/** The current tenant's notifications. */
public interface NotificationRepository {

    /** Records the notification unless one of this kind exists for the period; true when recorded. */
    boolean recordOnce(String kind, LocalDate periodStart, String detailJson);

    List<TenantNotification> recent(int limit);
}
