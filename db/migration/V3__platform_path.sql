-- The narrow platform path: the only way work crosses tenants. Each function does one thing and
-- returns only what that needs. They run as the NOLOGIN platform role (never as the app role, never
-- as the owner), with a fixed search_path that names pg_temp last: unnamed, pg_temp would be searched
-- first and a caller's temporary table could stand in for pg_class or a tenant table.

create schema platform;
revoke all on schema platform from public;

-- The platform key's SHA-256, written at every start from configuration (VOICECORE_PLATFORM_API_KEY).
-- The functions that list, create or delete tenants require the key in the transaction-local setting
-- app.platform_key: the runtime role can call them, but SQL injected into a tenant's request cannot,
-- because it does not know the key. Readable by the platform role only.
create table platform.access_key (
    singleton  boolean primary key default true check (singleton),
    key_hash   bytea   not null
);
revoke all on platform.access_key from public;

create function platform.require_platform_key() returns void
    language plpgsql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
begin
    if not exists (select 1 from platform.access_key k
                   where k.key_hash = sha256(convert_to(coalesce(current_setting('app.platform_key', true), ''), 'UTF8'))) then
        raise exception 'the platform key is required' using errcode = '42501';
    end if;
end;
$$;

-- Creates the registry row and makes the new tenant the current tenant of this transaction, so that
-- the caller provisions the tenant's defaults under the ordinary policy, atomically.
create function platform.create_tenant(p_name text, p_domain text) returns uuid
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
declare
    v_id uuid := gen_random_uuid();
begin
    perform platform.require_platform_key();
    if p_name is null or length(btrim(p_name)) = 0 then
        raise exception 'tenant name is required' using errcode = '22023';
    end if;
    perform set_config('app.current_tenant', v_id::text, true);
    insert into public.tenants (id, name, domain) values (v_id, btrim(p_name), nullif(btrim(p_domain), ''));
    return v_id;
end;
$$;

create function platform.list_tenants(p_limit integer, p_offset integer)
    returns table (id uuid, name varchar, domain varchar, status varchar, created_at timestamptz)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select t.id, t.name, t.domain, t.status, t.created_at
    from public.tenants t
    order by t.created_at, t.id
    limit least(greatest(coalesce(p_limit, 50), 1), 500) offset greatest(coalesce(p_offset, 0), 0);
$$;

create function platform.count_tenants() returns bigint
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select count(*) from public.tenants;
$$;

create function platform.get_tenant(p_id uuid)
    returns table (id uuid, name varchar, domain varchar, status varchar, created_at timestamptz)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select t.id, t.name, t.domain, t.status, t.created_at from public.tenants t where t.id = p_id;
$$;

-- Tenant-owned tables, found from the catalogue, so that a table added later is never forgotten.
create function platform.tenant_tables() returns setof name
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select c.relname
    from pg_catalog.pg_class c
             join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             join pg_catalog.pg_attribute a on a.attrelid = c.oid
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'tenant_id' and not a.attisdropped
      and c.relname <> 'tenant_deletion_receipts'
    order by c.relname;
$$;

-- Deletes every row of one tenant (the foreign keys cascade from the registry row), checks that
-- nothing is left in any tenant-owned table, and leaves a receipt of counts only. Returns no row
-- when the tenant does not exist.
create function platform.delete_tenant(p_id uuid, p_requested_by text)
    returns table (receipt_id uuid, tenant_id uuid, started_at timestamptz, completed_at timestamptz, rows_deleted jsonb)
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
declare
    v_started  timestamptz := clock_timestamp();
    v_counts   jsonb       := '{}';
    v_table    name;
    v_n        bigint;
    v_receipt  uuid;
begin
    perform platform.require_platform_key();
    if p_id is null or not exists (select 1 from public.tenants t where t.id = p_id) then
        return;
    end if;
    perform set_config('app.current_tenant', p_id::text, true);
    for v_table in select * from platform.tenant_tables() loop
        execute format('select count(*) from public.%I x where x.tenant_id = $1', v_table) into v_n using p_id;
        v_counts := v_counts || jsonb_build_object(v_table, v_n);
    end loop;
    v_counts := v_counts || jsonb_build_object('tenants', 1);

    delete from public.tenants t where t.id = p_id;
    if not found then
        -- a concurrent deletion got there first: it writes the receipt
        perform set_config('app.current_tenant', '', true);
        return;
    end if;

    for v_table in select * from platform.tenant_tables() loop
        execute format('select count(*) from public.%I x where x.tenant_id = $1', v_table) into v_n using p_id;
        if v_n > 0 then
            raise exception 'tenant deletion left % rows in %', v_n, v_table;
        end if;
    end loop;
    perform set_config('app.current_tenant', '', true);

    insert into public.tenant_deletion_receipts (tenant_id, requested_by, started_at, completed_at, rows_deleted)
    values (p_id, left(coalesce(p_requested_by, 'unknown'), 100), v_started, clock_timestamp(), v_counts)
    returning id into v_receipt;

    return query select r.id, r.tenant_id, r.started_at, r.completed_at, r.rows_deleted
                 from public.tenant_deletion_receipts r where r.id = v_receipt;
end;
$$;

create function platform.get_deletion_receipt(p_tenant_id uuid)
    returns table (receipt_id uuid, tenant_id uuid, started_at timestamptz, completed_at timestamptz, rows_deleted jsonb)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select r.id, r.tenant_id, r.started_at, r.completed_at, r.rows_deleted
    from public.tenant_deletion_receipts r where r.tenant_id = p_tenant_id;
$$;

-- Which tenant an API key (given as its SHA-256) belongs to. Only an exact hash of a live key of an
-- active tenant answers; it answers with ids, nothing else.
create function platform.authenticate_api_key(p_key_hash bytea)
    returns table (tenant_id uuid, api_key_id uuid)
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
declare
    v_tenant uuid;
    v_key    uuid;
    v_used   timestamptz;
begin
    select k.tenant_id, k.id, k.last_used_at into v_tenant, v_key, v_used
    from public.api_keys k join public.tenants t on t.id = k.tenant_id
    where k.key_hash = p_key_hash and k.revoked_at is null and t.status = 'active';
    if v_tenant is null then
        return;
    end if;
    -- last use is kept to the minute: one write a minute per key, not one per request
    if v_used is null or v_used < now() - interval '1 minute' then
        perform set_config('app.current_tenant', v_tenant::text, true);
        update public.api_keys k set last_used_at = now() where k.id = v_key;
        perform set_config('app.current_tenant', '', true);
    end if;
    return query select v_tenant, v_key;
end;
$$;

-- Which tenant a called number belongs to (for Twilio webhooks). The account SID, when the number
-- records one, must match too.
create function platform.resolve_tenant_by_number(p_e164 text, p_account_sid text)
    returns table (tenant_id uuid, tenant_status varchar)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select p.tenant_id, t.status
    from public.phone_numbers p join public.tenants t on t.id = p.tenant_id
    where p.e164 = p_e164
      and (p.twilio_account_sid is null or p.twilio_account_sid = p_account_sid);
$$;

-- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it cannot log in to use it.
grant usage, create on schema platform to "${platformRole}";
grant select on platform.access_key to "${platformRole}";

do
$$
declare
    f regprocedure;
begin
    for f in select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname = 'platform' loop
        execute format('alter function %s owner to %I', f, '${platformRole}');
        execute format('revoke all on function %s from public', f);
    end loop;
end
$$;
