package com.voicecore.application;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallCriteria;
import com.voicecore.domain.model.call.CallEvent;
import com.voicecore.domain.model.call.CallPage;
import com.voicecore.domain.model.voicemail.Voicemail;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The call log and voicemail of the current tenant. */
public interface CallLogService {

    CallPage search(CallCriteria criteria, int page, int size);

    /** The tenant's time zone, in which the call log's days are counted and times shown (as analytics does). */
    ZoneId zone();

    Call get(UUID id);

    List<CallEvent> history(UUID callId);

    /** A department's voicemail, newest first. Only that department's messages (Property 19). */
    List<Voicemail> voicemail(UUID departmentId, int limit);
}
