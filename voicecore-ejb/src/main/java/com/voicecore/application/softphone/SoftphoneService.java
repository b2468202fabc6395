package com.voicecore.application.softphone;

import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * The softphone's use cases, for one agent of the current tenant (named by a verified agent token). The
 * agent's department is read from the database, not from the token: an agent moved to another department
 * sees the new one's messages at once, and never the old one's.
 */
public interface SoftphoneService {

    /** How this agent's softphone takes calls: a Twilio Voice access token, or the simulator when none can be minted. */
    VoiceAccess voiceAccess(@NotNull(message = "An agent is required") UUID agentId);

    /** The agent's department's voicemail, newest first, at most {@code limit}; empty for an agent without a department. */
    List<DepartmentVoicemail> departmentVoicemail(@NotNull(message = "An agent is required") UUID agentId, int limit);

    /** The Twilio Voice SDK settings of the current tenant (the secret never leaves; only whether one is stored). */
    VoiceSdkSettings voiceSdkSettings();

    /** Sets (or with an absent key SID, removes) the tenant's Twilio API key and TwiML app. */
    VoiceSdkSettings updateVoiceSdkSettings(@NotNull VoiceSdkSettingsDraft draft);
}
