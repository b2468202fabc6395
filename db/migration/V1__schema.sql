-- VoiceCore schema: the seed's data model plus what routing, agents and the API need.
-- Every tenant-owned table has tenant_id uuid not null -> tenants on delete cascade, an index
-- leading with tenant_id, and (in V2) a forced row-level security policy.
-- References between tenant tables are composite (tenant_id, id), so a row can never point at
-- another tenant's row, whatever the application does.

create type agent_status as enum ('available', 'busy', 'not_available');
create type call_status as enum ('queued', 'initiated', 'ringing', 'in_progress', 'completed',
                                 'busy', 'failed', 'no_answer', 'canceled');
create type call_direction as enum ('inbound', 'outbound');

-- The tenant registry. Not tenant-owned (it *is* the tenant); a tenant sees only its own row.
create table tenants (
    id          uuid primary key default gen_random_uuid(),
    name        varchar(200) not null,
    domain      varchar(253) unique,
    status      varchar(20)  not null default 'active' check (status in ('active', 'suspended')),
    settings    jsonb        not null default '{}',
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- What deleting a tenant leaves behind: when, by whom, how many rows per table. No personal data.
create table tenant_deletion_receipts (
    id            uuid primary key default gen_random_uuid(),
    tenant_id     uuid         not null unique,
    requested_by  varchar(100) not null,
    started_at    timestamptz  not null,
    completed_at  timestamptz  not null,
    rows_deleted  jsonb        not null
);

create table plans (
    id                uuid primary key default gen_random_uuid(),
    tenant_id         uuid        not null references tenants (id) on delete cascade,
    code              varchar(40) not null,
    included_minutes  integer     not null check (included_minutes >= 0),
    degradation       varchar(30) not null default 'voicemail_only'
                      check (degradation in ('voicemail_only', 'receptionist_off', 'polite_message')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (tenant_id),
    unique (tenant_id, id)
);

create table departments (
    id                  uuid primary key default gen_random_uuid(),
    tenant_id           uuid         not null references tenants (id) on delete cascade,
    name                varchar(100) not null,
    description         varchar(500),
    reception           boolean      not null default false,
    extension_from      integer,
    extension_to        integer,
    voicemail_greeting  varchar(1000),
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (tenant_id, id),
    check ((extension_from is null) = (extension_to is null)),
    check (extension_from is null or (extension_from between 10 and 999999
                                      and extension_to between 10 and 999999
                                      and extension_from <= extension_to))
);
create unique index departments_tenant_name_uq on departments (tenant_id, lower(name));
create unique index departments_tenant_reception_uq on departments (tenant_id) where reception;

create table business_schedules (
    id                  uuid primary key default gen_random_uuid(),
    tenant_id           uuid        not null references tenants (id) on delete cascade,
    department_id       uuid,
    time_zone           varchar(64) not null,
    emergency_override  varchar(10) check (emergency_override in ('open', 'closed')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (tenant_id, id),
    foreign key (tenant_id, department_id) references departments (tenant_id, id) on delete cascade
);
create unique index business_schedules_tenant_dept_uq on business_schedules (tenant_id, department_id);
create unique index business_schedules_tenant_default_uq on business_schedules (tenant_id) where department_id is null;

create table business_hours (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid     not null references tenants (id) on delete cascade,
    schedule_id  uuid     not null,
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    opens_at     time     not null,
    closes_at    time     not null check (closes_at > opens_at),
    foreign key (tenant_id, schedule_id) references business_schedules (tenant_id, id) on delete cascade
);
create index business_hours_tenant_schedule_idx on business_hours (tenant_id, schedule_id);

create table holidays (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    schedule_id  uuid         not null,
    on_date      date         not null,
    name         varchar(100) not null,
    foreign key (tenant_id, schedule_id) references business_schedules (tenant_id, id) on delete cascade,
    unique (tenant_id, schedule_id, on_date)
);

create table receptionist_settings (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid          not null references tenants (id) on delete cascade,
    company_name       varchar(200)  not null,
    greeting           varchar(1000) not null,
    languages          text[]        not null,
    default_language   varchar(10)   not null,
    voice              varchar(50)   not null,
    transport          varchar(20)   not null default 'turn_based' check (transport in ('turn_based', 'realtime')),
    recording_enabled  boolean       not null default false,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    unique (tenant_id)
);

create table tenant_users (
    id             uuid primary key default gen_random_uuid(),
    tenant_id      uuid         not null references tenants (id) on delete cascade,
    email          varchar(254) not null,
    display_name   varchar(200) not null,
    password_hash  varchar(300) not null,
    role           varchar(20)  not null check (role in ('tenant_admin', 'supervisor', 'agent')),
    failed_logins  integer      not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    unique (tenant_id, id)
);
create unique index tenant_users_tenant_email_uq on tenant_users (tenant_id, lower(email));

create table api_keys (
    id            uuid primary key default gen_random_uuid(),
    tenant_id     uuid         not null references tenants (id) on delete cascade,
    name          varchar(100) not null,
    key_prefix    varchar(16)  not null,
    key_hash      bytea        not null unique,
    created_at    timestamptz  not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_keys_tenant_idx on api_keys (tenant_id);

create table agents (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid         not null references tenants (id) on delete cascade,
    department_id      uuid,
    user_id            uuid,
    name               varchar(200) not null,
    email              varchar(254) not null,
    extension          integer check (extension between 10 and 999999),
    status             agent_status not null default 'not_available',
    status_changed_at  timestamptz  not null default now(),
    settings           jsonb        not null default '{}',
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    unique (tenant_id, id),
    unique (tenant_id, extension),
    foreign key (tenant_id, department_id) references departments (tenant_id, id),
    foreign key (tenant_id, user_id) references tenant_users (tenant_id, id)
);
create unique index agents_tenant_email_uq on agents (tenant_id, lower(email));
create index agents_tenant_department_idx on agents (tenant_id, department_id);

create table phone_numbers (
    id                  uuid primary key default gen_random_uuid(),
    tenant_id           uuid        not null references tenants (id) on delete cascade,
    e164                varchar(16) not null unique check (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    twilio_account_sid  varchar(34),
    department_id       uuid,
    label               varchar(100),
    created_at          timestamptz not null default now(),
    foreign key (tenant_id, department_id) references departments (tenant_id, id) on delete set null (department_id)
);
create index phone_numbers_tenant_idx on phone_numbers (tenant_id);

create table calls (
    id                uuid primary key default gen_random_uuid(),
    tenant_id         uuid           not null references tenants (id) on delete cascade,
    twilio_call_sid   varchar(64)    not null unique,
    direction         call_direction not null default 'inbound',
    from_number       varchar(32)    not null,
    to_number         varchar(32)    not null,
    department_id     uuid,
    agent_id          uuid,
    status            call_status    not null default 'initiated',
    route             jsonb          not null default '[]',
    spam_score        smallint check (spam_score between 0 and 100),
    spam_action       varchar(20),
    spam_reasons      jsonb          not null default '[]',
    started_at        timestamptz    not null default now(),
    answered_at       timestamptz,
    ended_at          timestamptz,
    duration_seconds  integer        not null default 0,
    recording_url     text,
    transcript        text,
    summary           text,
    credits_used      integer        not null default 0,
    metadata          jsonb          not null default '{}',
    created_at        timestamptz    not null default now(),
    unique (tenant_id, id),
    foreign key (tenant_id, department_id) references departments (tenant_id, id) on delete set null (department_id),
    foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete set null (agent_id)
);
create index calls_tenant_started_idx on calls (tenant_id, started_at desc);

create table call_events (
    id               uuid primary key default gen_random_uuid(),
    tenant_id        uuid        not null references tenants (id) on delete cascade,
    call_id          uuid        not null,
    event            varchar(30) not null,
    status           varchar(20),
    sequence_number  integer,
    occurred_at      timestamptz not null,
    received_at      timestamptz not null default now(),
    detail           jsonb       not null default '{}',
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade
);
create index call_events_tenant_call_idx on call_events (tenant_id, call_id, occurred_at);
create unique index call_events_call_seq_uq on call_events (call_id, event, sequence_number)
    where sequence_number is not null;

create table knowledge_base (
    id          uuid primary key default gen_random_uuid(),
    tenant_id   uuid         not null references tenants (id) on delete cascade,
    question    text         not null,
    answer      text         not null,
    category    varchar(100),
    language    varchar(10)  not null default 'en',
    priority    integer      not null default 0,
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index knowledge_base_tenant_idx on knowledge_base (tenant_id, active, priority desc);

create table spam_rules (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    rule_type    varchar(20)  not null check (rule_type in ('number', 'pattern', 'keyword')),
    rule_value   varchar(500) not null,
    action       varchar(20)  not null default 'block' check (action in ('allow', 'flag', 'challenge', 'block')),
    weight       integer      not null default 10 check (weight between 0 and 100),
    description  varchar(200),
    active       boolean      not null default true,
    created_at   timestamptz  not null default now()
);
create index spam_rules_tenant_idx on spam_rules (tenant_id, rule_type);
