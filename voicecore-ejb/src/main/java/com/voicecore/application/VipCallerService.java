package com.voicecore.application;

import com.voicecore.domain.model.queue.VipCaller;
import com.voicecore.domain.model.shared.PhoneNumber;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/** The tenant's VIP list: these callers enter every queue with the VIP bonus. */
public interface VipCallerService {

    List<VipCaller> list();

    /** Adds a number (409 when it is on the list already). */
    VipCaller add(@NotNull(message = "number is required") PhoneNumber number);

    void remove(@NotNull UUID id);
}
