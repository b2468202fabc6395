-- Agents in real time (issue 5): presence kept in the database (the truth every node shares), the
-- department queues, offers, and the history the agent metrics are computed from.

-- Presence. status (what the agent says) stays the seed's enum; activity is what the system knows the
-- agent is doing. presence_version orders announcements of one agent across nodes.
alter table agents
    add column activity          varchar(12) not null default 'away'
        check (activity in ('idle', 'offered', 'on_call', 'wrap_up', 'away')),
    add column activity_since    timestamptz not null default now(),
    add column last_seen_at      timestamptz,
    add column missed_offers     integer     not null default 0 check (missed_offers >= 0),
    add column wrap_up_until     timestamptz,
    add column presence_version  bigint      not null default 0;
create index agents_tenant_dept_idle_idx on agents (tenant_id, department_id, status, activity, activity_since);

-- One row per caller waiting (or having waited) in a department's queue. The order is computed from
-- base_priority, vip and enqueued_at (priority rises with waiting time), see QueueOrder.
create table queue_entries (
    id                uuid primary key default gen_random_uuid(),
    tenant_id         uuid         not null references tenants (id) on delete cascade,
    department_id     uuid         not null,
    call_id           uuid         not null,
    call_sid          varchar(64)  not null,
    caller_number     varchar(32)  not null,
    base_priority     integer      not null default 0 check (base_priority between 0 and 1000),
    vip               boolean      not null default false,
    state             varchar(12)  not null default 'waiting'
        check (state in ('waiting', 'offered', 'bridging', 'connected', 'completed', 'abandoned', 'voicemail')),
    enqueued_at       timestamptz  not null,
    offered_agent_id  uuid,
    offer_id          uuid,
    offer_expires_at  timestamptz,
    offers_made       integer      not null default 0,
    agent_id          uuid,
    answered_at       timestamptz,
    ended_at          timestamptz,
    talk_seconds      integer,
    wrap_up_seconds   integer,
    last_announced_position integer,
    last_announced_at timestamptz,
    unique (tenant_id, id),
    unique (call_id),
    foreign key (tenant_id, department_id) references departments (tenant_id, id) on delete cascade,
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade,
    foreign key (tenant_id, offered_agent_id) references agents (tenant_id, id) on delete set null (offered_agent_id),
    foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete set null (agent_id)
);
create index queue_entries_waiting_idx on queue_entries (tenant_id, department_id, enqueued_at)
    where state in ('waiting', 'offered');
create index queue_entries_offer_due_idx on queue_entries (offer_expires_at) where state = 'offered';
create index queue_entries_tenant_agent_idx on queue_entries (tenant_id, agent_id, answered_at);
select tenant_isolation_policy('queue_entries'::regclass);

-- Every offer made, and how it ended: the missed-offer metric and the re-offer history.
create table agent_offers (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid        not null references tenants (id) on delete cascade,
    entry_id     uuid        not null,
    agent_id     uuid        not null,
    offered_at   timestamptz not null,
    ended_at     timestamptz,
    outcome      varchar(12) check (outcome in ('accepted', 'rejected', 'missed', 'withdrawn')),
    foreign key (tenant_id, entry_id) references queue_entries (tenant_id, id) on delete cascade,
    foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete cascade
);
create index agent_offers_tenant_agent_idx on agent_offers (tenant_id, agent_id, offered_at);
select tenant_isolation_policy('agent_offers'::regclass);

-- Presence intervals (status + activity from started_at until ended_at): idle time for occupancy.
create table agent_presence_log (
    id          uuid primary key default gen_random_uuid(),
    tenant_id   uuid        not null references tenants (id) on delete cascade,
    agent_id    uuid        not null,
    status      agent_status not null,
    activity    varchar(12) not null,
    started_at  timestamptz not null,
    ended_at    timestamptz,
    foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete cascade
);
create index agent_presence_log_agent_idx on agent_presence_log (tenant_id, agent_id, started_at);
select tenant_isolation_policy('agent_presence_log'::regclass);

-- The tenant's VIP callers: they enter a queue with a higher priority.
create table vip_callers (
    id          uuid primary key default gen_random_uuid(),
    tenant_id   uuid        not null references tenants (id) on delete cascade,
    number      varchar(16) not null check (number ~ '^\+[1-9][0-9]{6,14}$'),
    created_at  timestamptz not null default now(),
    unique (tenant_id, number)
);
select tenant_isolation_policy('vip_callers'::regclass);

-- The sweeps (heartbeat expiry, offer timeouts, queue waits) run on every node for every tenant. They
-- learn only WHICH tenants have due work here, then do that work under the tenant's own context.
create policy platform_sweep on agents for select to "${platformRole}" using (true);
create policy platform_sweep on queue_entries for select to "${platformRole}" using (true);

create function platform.realtime_due_tenants(p_stale_before timestamptz, p_now timestamptz)
    returns setof uuid
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select a.tenant_id from public.agents a
    where (a.status <> 'not_available' and a.activity in ('idle', 'away')
           and a.last_seen_at < p_stale_before)
       or (a.activity = 'wrap_up' and a.wrap_up_until <= p_now)
    union
    select q.tenant_id from public.queue_entries q
    where q.state in ('waiting', 'offered');
$$;
alter function platform.realtime_due_tenants(timestamptz, timestamptz) owner to "${platformRole}";
revoke all on function platform.realtime_due_tenants(timestamptz, timestamptz) from public;
