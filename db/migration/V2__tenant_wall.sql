-- The tenant wall: row-level security, enabled AND forced, on every tenant-owned table; the roles
-- that use them. See db/README.md for why each role exists.
--
-- Placeholder (set by the application from its configuration):
--   platformRole  a NOLOGIN role that owns the platform functions (V3) and nothing else
-- The runtime role's grants are not here: see grant_runtime_privileges below.

-- One place that says what "the current tenant" is: the transaction-local setting, or nobody.
-- With no tenant set (null or '' after an earlier transaction) every comparison is null: no rows,
-- no error, and no insert passes WITH CHECK.
create function tenant_isolation_policy(tbl regclass) returns void
    language plpgsql as
$$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format($p$create policy tenant_isolation on %s
                         using (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)
                         with check (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)$p$,
                   tbl);
end;
$$;

select tenant_isolation_policy(t::regclass)
from unnest(array['plans', 'departments', 'business_schedules', 'business_hours', 'holidays',
                  'receptionist_settings', 'tenant_users', 'api_keys', 'agents', 'phone_numbers',
                  'calls', 'call_events', 'knowledge_base', 'spam_rules']) as t;

-- The registry: a tenant sees (only) its own row.
alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants
    using (id = nullif(current_setting('app.current_tenant', true), '')::uuid)
    with check (id = nullif(current_setting('app.current_tenant', true), '')::uuid);

-- Receipts are platform records: no policy means nobody but the platform functions' owner reads them.
alter table tenant_deletion_receipts enable row level security;
alter table tenant_deletion_receipts force row level security;

-- The platform role: cannot log in, owns only the V3 functions. It may read three tables across
-- tenants (to resolve a tenant from a phone number or an API key, and to list tenants), and
-- nothing else across tenants; every write it makes passes the ordinary tenant policy.
do
$$
begin
    if not exists (select from pg_roles where rolname = '${platformRole}') then
        create role "${platformRole}" nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
    end if;
end
$$;
grant "${platformRole}" to current_user;

create policy platform_directory on tenants for select to "${platformRole}" using (true);
create policy platform_directory on phone_numbers for select to "${platformRole}" using (true);
create policy platform_directory on api_keys for select to "${platformRole}" using (true);
create policy platform_receipts on tenant_deletion_receipts for all to "${platformRole}" using (true) with check (true);

-- Privileges. Nothing is granted to PUBLIC.
revoke all on all tables in schema public from public;
revoke all on schema public from public;
revoke all on function tenant_isolation_policy(regclass) from public;

grant usage on schema public to "${platformRole}";
grant select, insert, delete on tenants to "${platformRole}";
grant select, insert on tenant_deletion_receipts to "${platformRole}";
grant update (last_used_at) on api_keys to "${platformRole}";

-- No temporary tables for anyone but the owner: nothing needs them, and a temporary table is the
-- classic way to shadow a relation inside someone else's function.
do
$$
begin
    execute format('revoke temporary on database %I from public', current_database());
end
$$;

-- The runtime role's privileges, granted by the migration step at every start (so a renamed role
-- still gets them) and found from the catalogue (so a table added later is covered): the tenant
-- tables in full, its own registry row to read, the platform functions to call. Nothing else.
create function grant_runtime_privileges(p_role name) returns void
    language plpgsql as
$$
declare
    t name;
begin
    execute format('grant usage on schema public to %I', p_role);
    execute format('grant select on tenants to %I', p_role);
    for t in select c.relname
             from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                      join pg_attribute a on a.attrelid = c.oid
             where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'tenant_id'
               and not a.attisdropped and c.relname <> 'tenant_deletion_receipts' loop
        execute format('grant select, insert, update, delete on %I to %I', t, p_role);
        -- the platform functions count and verify every tenant table when a tenant is deleted
        execute format('grant select on %I to %I', t, '${platformRole}');
    end loop;
    if exists (select from pg_namespace where nspname = 'platform') then
        execute format('grant usage on schema platform to %I', p_role);
        execute format('grant execute on all functions in schema platform to %I', p_role);
    end if;
end;
$$;
revoke all on function grant_runtime_privileges(name) from public;
