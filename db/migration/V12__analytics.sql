-- Analytics (issue 6): indexes for the report of docs/analytics.md, so a month of a tenant with 100,000
-- calls is computed in a few tens of milliseconds. No new tables: the report is a read model over the
-- calls and their history. Every index leads with tenant_id (RLS's predicate is then an index condition).

-- the period's calls, also of one department or one agent (calls_tenant_started_idx serves the whole tenant)
create index calls_tenant_department_started_idx on calls (tenant_id, department_id, started_at);
create index calls_tenant_agent_started_idx on calls (tenant_id, agent_id, started_at);

-- what happened to the period's calls, read once per table by time (rows about a call are written while
-- it lives, so within a day of its start) and hash-joined to the calls
create index queue_entries_tenant_enqueued_idx on queue_entries (tenant_id, enqueued_at);
create index conversations_tenant_started_idx on conversations (tenant_id, started_at);
create index agent_offers_tenant_offered_idx on agent_offers (tenant_id, offered_at);
create index voicemails_tenant_created_idx on voicemails (tenant_id, created_at);

-- available idle intervals overlapping the period: those ending after its start (open ones never end)
create index agent_presence_log_idle_idx on agent_presence_log (tenant_id, (coalesce(ended_at, 'infinity'::timestamptz)))
    where status = 'available' and activity = 'idle';
