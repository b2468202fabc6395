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
