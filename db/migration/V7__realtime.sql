-- Realtime voice (issue 4, transport 2): the tenant's OpenAI settings, and one row per media stream
-- handed to Twilio (its single-use token and what the conversation decided). The turns go to the
-- conversation's own tables (V6, conversation_turns with its latency columns). Forced RLS like every
-- other tenant table.

-- receptionist_settings.transport ('turn_based' | 'realtime') switches the transport; these are the
-- realtime-only settings. The OpenAI key is AES-256-GCM sealed by the application (SecretCipher).
create table realtime_settings (
    id                    uuid primary key default gen_random_uuid(),
    tenant_id             uuid        not null references tenants (id) on delete cascade,
    openai_api_key        bytea,
    model                 varchar(64) not null default 'gpt-realtime',
    voice                 varchar(32) not null default 'marin',
    max_concurrent_calls  integer     not null default 5 check (max_concurrent_calls between 1 and 1000),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (tenant_id)
);

-- One media stream offered to Twilio. The row's id is the stream token's id: the token is accepted
-- once (connected_at set in one conditional update) before expires_at. A row not ended counts
-- against the tenant's concurrency limit until it ends or, never connected, expires.
create table realtime_streams (
    id              uuid primary key default gen_random_uuid(),
    tenant_id       uuid         not null references tenants (id) on delete cascade,
    call_id         uuid         not null references calls (id) on delete cascade,
    call_sid        varchar(64)  not null,
    expires_at      timestamptz  not null,
    connected_at    timestamptz,
    ended_at        timestamptz,
    outcome         varchar(20)  check (outcome in ('transfer', 'end', 'failed')),
    outcome_target  varchar(100),
    outcome_detail  varchar(500),
    created_at      timestamptz  not null default now()
);
create index realtime_streams_open_idx on realtime_streams (tenant_id) where ended_at is null;
create index realtime_streams_call_idx on realtime_streams (tenant_id, call_sid);

select tenant_isolation_policy(t::regclass)
from unnest(array['realtime_settings', 'realtime_streams']) as t;
