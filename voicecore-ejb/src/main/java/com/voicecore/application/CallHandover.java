package com.voicecore.application;

import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.routing.CallScript;

/**
 * Where a receptionist (or the call path) hands a call: every transfer shows the receiving party the
 * original caller's number.
 */
public interface CallHandover {

    CallScript toDepartment(Call call, Department department);

    CallScript toAgent(Call call, Agent agent);

    CallScript toOperator(Call call);

    CallScript toVoicemail(Call call, Department department, Agent agent, String reason);
}
