-- Analytics (issue 6), second step: the three facts the report reads from a call's jsonb (spam-blocked,
-- answered by a person on a direct dial, a console test call) kept as stored generated columns, so the
-- report's pass over a month of calls reads them from a covering index (an index-only scan) instead of
-- fetching every wide row and evaluating jsonb containment per row. PostgreSQL recomputes them on every
-- update of the row, so they can never disagree with the route and metadata they come from.
-- Definitions: docs/analytics.md ("Which calls count", `answered`).

alter table calls
    add column spam_blocked boolean generated always as
        (spam_action is not distinct from 'block' or route @> '[{"step": "rejected"}]'::jsonb) stored,
    add column person_answered boolean generated always as
        (route @> '[{"step": "agent", "detail": "answered"}]'::jsonb) stored,
    add column test_call boolean generated always as
        (metadata @> '{"test_call": true}'::jsonb) stored;

-- the report's calls: inbound, not test calls, of a tenant in a time range, with everything the report
-- groups by or counts (department and agent scopes use V12's indexes, their months are small)
create index calls_report_idx on calls (tenant_id, started_at)
    include (id, department_id, agent_id, spam_blocked, person_answered)
    where direction = 'inbound' and not test_call;

-- what happened to those calls, read the same way: each history table's time index (V12) now carries
-- the columns the report reads, so a month of queue entries, offers, conversations and voicemails is
-- read from the indexes alone
drop index queue_entries_tenant_enqueued_idx;
create index queue_entries_tenant_enqueued_idx on queue_entries (tenant_id, enqueued_at)
    include (id, call_id, state, answered_at, ended_at, talk_seconds, wrap_up_seconds);
drop index conversations_tenant_started_idx;
create index conversations_tenant_started_idx on conversations (tenant_id, started_at) include (call_id, outcome);
drop index agent_offers_tenant_offered_idx;
create index agent_offers_tenant_offered_idx on agent_offers (tenant_id, offered_at) include (entry_id, agent_id, outcome);
drop index voicemails_tenant_created_idx;
create index voicemails_tenant_created_idx on voicemails (tenant_id, created_at) include (call_id);
