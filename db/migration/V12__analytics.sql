-- Analytics (issue 6): indexes for the report of docs/analytics.md, so a month of a tenant with 100,000
-- calls is computed in a few tens of milliseconds. No new tables: the report is a read model over the
-- calls and their history. Every index leads with tenant_id (RLS's predicate is then an index condition).

-- the period's calls, also of one department or one agent (calls_tenant_started_idx serves the whole tenant)
create index calls_tenant_department_started_idx on calls (tenant_id, department_id, started_at);
create index calls_tenant_agent_started_idx on calls (tenant_id, agent_id, started_at);

-- a call's voicemail and a queue entry's offers, looked up per call of the period
create index voicemails_tenant_call_idx on voicemails (tenant_id, call_id);
create index agent_offers_tenant_entry_idx on agent_offers (tenant_id, entry_id);

-- available idle intervals overlapping the period: those ending after its start (open ones never end)
create index agent_presence_log_idle_idx on agent_presence_log (tenant_id, (coalesce(ended_at, 'infinity'::timestamptz)))
    where status = 'available' and activity = 'idle';
