-- The call path (issue 3): the tenant's Twilio account, what a call records as it is screened,
-- routed, answered and billed, voicemail, the credit ledger, notifications and spam reports.
-- New tenant tables follow V1's rules (tenant_id cascade, composite references, an index leading
-- with tenant_id) and get V2's forced row-level security below; grants come from the catalogue.

-- The tenant's Twilio account. The auth token is AES-GCM ciphertext bound to the tenant (see
-- SecretCipher); the key lives in configuration, never in the database.
create table telephony_settings (
    id                     uuid primary key default gen_random_uuid(),
    tenant_id              uuid        not null references tenants (id) on delete cascade,
    twilio_account_sid     varchar(34) check (twilio_account_sid ~ '^AC[0-9a-f]{32}$'),
    twilio_auth_token      bytea,
    fallback_number        varchar(16) check (fallback_number ~ '^\+[1-9][0-9]{6,14}$'),
    dial_timeout_seconds   integer     not null default 20 check (dial_timeout_seconds between 5 and 60),
    voicemail_max_seconds  integer     not null default 120 check (voicemail_max_seconds between 10 and 600),
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    unique (tenant_id),
    check ((twilio_account_sid is null) = (twilio_auth_token is null))
);

-- What the call path needs on the call itself. The CallToken lets a REST forward keep the
-- caller's ID and attestation; it is only useful while the call lives and is cleared at its end.
alter table calls
    add column stir_verstat                varchar(40),
    add column call_token                  text,
    add column last_status_sequence        integer,
    add column challenge_digit             smallint check (challenge_digit between 0 and 9),
    add column challenge_attempts          smallint not null default 0,
    add column recording_sid               varchar(64),
    add column recording_duration_seconds  integer;
-- call velocity: recent calls of one number to one tenant
create index calls_tenant_from_idx on calls (tenant_id, from_number, started_at desc);
create index calls_tenant_status_idx on calls (tenant_id, status, started_at desc);

-- Agents without a softphone can be reached on a phone of their own.
alter table agents
    add column phone_number varchar(16) check (phone_number ~ '^\+[1-9][0-9]{6,14}$');

-- A message left for a department (and possibly one agent of it).
create table voicemails (
    id                    uuid primary key default gen_random_uuid(),
    tenant_id             uuid        not null references tenants (id) on delete cascade,
    call_id               uuid        not null,
    department_id         uuid        not null,
    agent_id              uuid,
    recording_sid         varchar(64) not null,
    recording_url         text        not null,
    duration_seconds      integer     not null default 0 check (duration_seconds >= 0),
    transcription         text,
    transcription_status  varchar(20),
    created_at            timestamptz not null default now(),
    listened_at           timestamptz,
    unique (tenant_id, id),
    unique (recording_sid),
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade,
    foreign key (tenant_id, department_id) references departments (tenant_id, id) on delete cascade,
    foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete set null (agent_id)
);
create index voicemails_tenant_department_idx on voicemails (tenant_id, department_id, created_at desc);

-- The credit ledger: one row per billed call, so a replayed status callback cannot bill twice.
create table credit_usage (
    id            uuid primary key default gen_random_uuid(),
    tenant_id     uuid        not null references tenants (id) on delete cascade,
    call_id       uuid        not null,
    period_start  date        not null,
    minutes       integer     not null check (minutes >= 0),
    recorded_at   timestamptz not null default now(),
    unique (call_id),
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade
);
create index credit_usage_tenant_period_idx on credit_usage (tenant_id, period_start);

-- Things the tenant must be told (credits at 80 % and 100 %); delivery by webhook comes later.
create table tenant_notifications (
    id            uuid primary key default gen_random_uuid(),
    tenant_id     uuid        not null references tenants (id) on delete cascade,
    kind          varchar(40) not null,
    period_start  date        not null,
    detail        jsonb       not null default '{}',
    created_at    timestamptz not null default now(),
    delivered_at  timestamptz,
    unique (tenant_id, kind, period_start)
);

-- A tenant's report that a number is spam. Several tenants reporting one number puts it on the
-- platform list (platform.spam_reports_elsewhere below), without revealing who reported it.
create table spam_reports (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    number       varchar(32)  not null,
    reason       varchar(500),
    call_id      uuid,
    created_at   timestamptz  not null default now(),
    unique (tenant_id, number),
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete set null (call_id)
);
create index spam_reports_number_idx on spam_reports (number);

select tenant_isolation_policy(t::regclass)
from unnest(array['telephony_settings', 'voicemails', 'credit_usage', 'tenant_notifications',
                  'spam_reports']) as t;

-- The platform list: how many tenants other than the caller's reported a number. A count only.
create policy platform_directory on spam_reports for select to "${platformRole}" using (true);

create function platform.spam_reports_elsewhere(p_number text)
    returns integer
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select count(distinct r.tenant_id)::integer
    from public.spam_reports r
    where r.number = p_number
      and r.tenant_id is distinct from nullif(current_setting('app.current_tenant', true), '')::uuid;
$$;
alter function platform.spam_reports_elsewhere(text) owner to "${platformRole}";
revoke all on function platform.spam_reports_elsewhere(text) from public;
