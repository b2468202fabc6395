package com.voicecore.application.internal;

import com.voicecore.application.CallLogService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallCriteria;
import com.voicecore.domain.model.call.CallEvent;
import com.voicecore.domain.model.call.CallPage;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.schedule.BusinessScheduleRepository;
import com.voicecore.domain.model.voicemail.Voicemail;
import com.voicecore.domain.model.voicemail.VoicemailRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultCallLogService implements CallLogService {

    @Inject
    CallRepository calls;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    DepartmentRepository departments;

    @Inject
    BusinessScheduleRepository schedules;

    @Override
    public ZoneId zone() {
        return schedules.tenantZone();
    }

    @Override
    public CallPage search(CallCriteria criteria, int page, int size) {
        return calls.search(criteria, page, size);
    }

    @Override
    public Call get(UUID id) {
        return calls.find(id).orElseThrow(() -> new UnknownEntityException("call", id));
    }

    @Override
    public List<CallEvent> history(UUID callId) {
        return calls.events(get(callId));
    }

    @Override
    public List<Voicemail> voicemail(UUID departmentId, int limit) {
        departments.find(departmentId).orElseThrow(() -> new UnknownEntityException("department", departmentId));
        return voicemails.forDepartment(departmentId, limit);
    }
}
