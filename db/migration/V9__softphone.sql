-- The agent softphone's calls through the Twilio Voice JavaScript SDK: the tenant's Twilio API key
-- (SID + secret, the secret sealed by the application like the auth token) and its TwiML app, used
-- to mint the softphone's access tokens. All three or none.
alter table telephony_settings
    add column twilio_api_key_sid     varchar(34) check (twilio_api_key_sid ~ '^SK[0-9a-f]{32}$'),
    add column twilio_api_key_secret  bytea,
    add column twiml_app_sid          varchar(34) check (twiml_app_sid ~ '^AP[0-9a-f]{32}$'),
    add constraint telephony_settings_voice_sdk_all_or_none
        check ((twilio_api_key_sid is null) = (twilio_api_key_secret is null)
           and (twilio_api_key_sid is null) = (twiml_app_sid is null));
