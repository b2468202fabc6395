package com.voicecore.application;

/** Twilio's reports about calls: status callbacks (which meter credits), recordings, transcriptions. */
public interface CallEventService {

    void statusChanged(StatusCallback callback);

    void callRecorded(String callSid, RecordingReport recording);

    void voicemailTranscribed(String recordingSid, String text, String status);
}
