-- The admin console (docs/console.md): platform admins, the audit log of admin actions (tenant-scoped
-- for tenant admins, platform-scoped for platform admins), tenant sign-in by domain or id, and the
-- platform functions behind the super-admin pages (suspend/resume).
--
-- Tenant users and their roles (tenant_admin, supervisor, agent) already exist in tenant_users (V1);
-- nothing is added to them. Platform admins belong to no tenant, so they live in schema platform,
-- reachable only through the functions below, which require the platform key (as the registry does).

create table platform.platform_admins (
    id             uuid primary key default gen_random_uuid(),
    email          varchar(254) not null,
    display_name   varchar(200) not null,
    password_hash  varchar(300) not null check (password_hash like 'PBKDF2WithHmac%'),
    failed_logins  integer      not null default 0 check (failed_logins >= 0),
    locked_until   timestamptz,
    created_at     timestamptz  not null default now()
);
create unique index platform_admins_email_uq on platform.platform_admins (lower(email));
revoke all on platform.platform_admins from public;
grant select, insert, update on platform.platform_admins to "${platformRole}";

-- What platform admins did. No foreign key to tenants: the record of a deletion outlives the tenant.
create table platform.admin_audit_log (
    id              uuid primary key default gen_random_uuid(),
    occurred_at     timestamptz   not null default now(),
    actor           varchar(254)  not null,
    action          varchar(60)   not null,
    subject_tenant  uuid,
    detail          varchar(1000) not null default ''
);
create index platform_admin_audit_log_time_idx on platform.admin_audit_log (occurred_at desc, id);
revoke all on platform.admin_audit_log from public;
grant select, insert on platform.admin_audit_log to "${platformRole}";

-- What a tenant's admins did in the console; deleted with the tenant like every other tenant row.
create table admin_audit_log (
    id           uuid primary key default gen_random_uuid(),
    tenant_id    uuid          not null references tenants (id) on delete cascade,
    occurred_at  timestamptz   not null default now(),
    actor        varchar(254)  not null,
    action       varchar(60)   not null,
    subject      varchar(200),
    detail       varchar(1000) not null default ''
);
create index admin_audit_log_tenant_time_idx on admin_audit_log (tenant_id, occurred_at desc, id);
select tenant_isolation_policy('admin_audit_log'::regclass);

-- An audit record is never rewritten (deletion, with the tenant, is the only way out).
create function admin_audit_log_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit records are not changed' using errcode = '42501';
end;
$$;
create trigger admin_audit_log_no_update before update on admin_audit_log
    for each row execute function admin_audit_log_immutable();
revoke all on function admin_audit_log_immutable() from public;

-- Suspend and resume change the registry row's status only.
grant update (status, updated_at) on tenants to "${platformRole}";

-- Sign-in: which active tenant a user means by its domain (case-insensitive) or its id. Answers the
-- id only, and nothing for a suspended or unknown tenant, like authenticate_api_key.
create function platform.resolve_console_tenant(p_reference text)
    returns table (tenant_id uuid)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select t.id from public.tenants t
    where t.status = 'active'
      and (lower(t.domain) = lower(btrim(p_reference)) or t.id::text = lower(btrim(p_reference)))
    limit 1;
$$;

create function platform.find_platform_admin(p_email text)
    returns table (id uuid, email varchar, display_name varchar, password_hash varchar, failed_logins integer,
                   locked_until timestamptz)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select a.id, a.email, a.display_name, a.password_hash, a.failed_logins, a.locked_until
    from platform.platform_admins a where lower(a.email) = lower(btrim(p_email));
$$;

-- The lockout rule lives in the application (domain.model.user.LoginLockout); this stores its outcome.
create function platform.record_platform_admin_login(p_id uuid, p_failed_logins integer, p_locked_until timestamptz)
    returns void
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
begin
    perform platform.require_platform_key();
    update platform.platform_admins a set failed_logins = p_failed_logins, locked_until = p_locked_until
    where a.id = p_id;
end;
$$;

create function platform.create_platform_admin(p_email text, p_display_name text, p_password_hash text)
    returns uuid
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
declare
    v_id uuid;
begin
    perform platform.require_platform_key();
    insert into platform.platform_admins (email, display_name, password_hash)
    values (lower(btrim(p_email)), btrim(p_display_name), p_password_hash)
    returning id into v_id;
    return v_id;
end;
$$;

create function platform.set_tenant_status(p_id uuid, p_status text)
    returns table (id uuid, name varchar, domain varchar, status varchar, created_at timestamptz)
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
begin
    perform platform.require_platform_key();
    if p_status not in ('active', 'suspended') then
        raise exception 'unknown tenant status' using errcode = '22023';
    end if;
    perform set_config('app.current_tenant', p_id::text, true);
    update public.tenants t set status = p_status, updated_at = now() where t.id = p_id;
    perform set_config('app.current_tenant', '', true);
    return query select t.id, t.name, t.domain, t.status, t.created_at from public.tenants t where t.id = p_id;
end;
$$;

create function platform.write_audit(p_actor text, p_action text, p_subject_tenant uuid, p_detail text)
    returns void
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as
$$
begin
    perform platform.require_platform_key();
    insert into platform.admin_audit_log (actor, action, subject_tenant, detail)
    values (left(p_actor, 254), left(p_action, 60), p_subject_tenant, left(coalesce(p_detail, ''), 1000));
end;
$$;

create function platform.list_audit(p_limit integer, p_offset integer)
    returns table (id uuid, occurred_at timestamptz, actor varchar, action varchar, subject_tenant uuid, detail varchar)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select l.id, l.occurred_at, l.actor, l.action, l.subject_tenant, l.detail
    from platform.admin_audit_log l
    order by l.occurred_at desc, l.id
    limit least(greatest(coalesce(p_limit, 50), 1), 500) offset greatest(coalesce(p_offset, 0), 0);
$$;

-- The platform spam list for the console: numbers that at least p_min_tenants tenants reported, with
-- how many tenants and when last; never which tenants (as spam_reports_elsewhere, V4).
create function platform.spam_list(p_min_tenants integer, p_limit integer)
    returns table (number varchar, tenants integer, last_reported timestamptz)
    language sql stable security definer set search_path = pg_catalog, public, pg_temp as
$$
    select platform.require_platform_key();
    select r.number, count(distinct r.tenant_id)::integer, max(r.created_at)
    from public.spam_reports r
    group by r.number
    having count(distinct r.tenant_id) >= greatest(coalesce(p_min_tenants, 1), 1)
    order by count(distinct r.tenant_id) desc, max(r.created_at) desc, r.number
    limit least(greatest(coalesce(p_limit, 100), 1), 1000);
$$;

do
$$
declare
    f regprocedure;
begin
    for f in select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname = 'platform'
               and p.proname in ('resolve_console_tenant', 'find_platform_admin', 'record_platform_admin_login',
                                 'create_platform_admin', 'set_tenant_status', 'write_audit', 'list_audit', 'spam_list') loop
        execute format('alter function %s owner to %I', f, '${platformRole}');
        execute format('revoke all on function %s from public', f);
    end loop;
end
$$;
