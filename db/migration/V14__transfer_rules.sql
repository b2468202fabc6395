-- Transfer rules (issue 6): an admin's "callers who say invoice or billing go to Accounts". Phrases
-- are stored one per line as the admin wrote them (the receptionist folds them like caller words
-- when it matches). The target is a department, an agent, a department's voicemail or customer
-- service; target_id has no foreign key on purpose: a rule whose department or agent is deleted
-- stays listed (the console marks it) and is ignored by the receptionist instead of vanishing.
create table transfer_rules (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid          not null references tenants (id) on delete cascade,
    name         varchar(100)  not null,
    description  varchar(500),
    phrases      varchar(2100) not null,
    target_kind  varchar(20)   not null check (target_kind in ('department', 'agent', 'voicemail', 'operator')),
    target_id    uuid,
    position     integer       not null default 0 check (position between 0 and 9999),
    active       boolean       not null default true,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    check ((target_kind = 'operator') = (target_id is null))
);
create index transfer_rules_tenant_idx on transfer_rules (tenant_id, position);

select tenant_isolation_policy('transfer_rules'::regclass);
