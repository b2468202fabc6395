-- Twilio retries a webhook with the same I-Twilio-Idempotency-Token. The first answer is kept so a
-- retry gets exactly that answer and changes nothing (a replayed wrong challenge digit must not count
-- twice). Tenant table: forced RLS like every other.
create table webhook_replies (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid         not null references tenants (id) on delete cascade,
    idempotency_token  varchar(200) not null,
    call_sid           varchar(64),
    twiml              text         not null,
    created_at         timestamptz  not null default now(),
    unique (tenant_id, idempotency_token)
);
create index webhook_replies_tenant_created_idx on webhook_replies (tenant_id, created_at);

select tenant_isolation_policy('webhook_replies'::regclass);
