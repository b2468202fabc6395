-- The AI receptionist's conversation (issue 4): knowledge-base search per language, conversations and
-- their turns (stored as they happen), learning statistics and suggestions awaiting an admin.

-- Callers' words arrive with or without accents ("cuál", "cual"): one text-search configuration per
-- receptionist language that drops accents before the language's stop words and stemmer. unaccent is a
-- trusted contrib extension (PostgreSQL 13+), so the database owner can create it.
create extension if not exists unaccent;

do
$$
declare
    lang text;
begin
    foreach lang in array array['english', 'spanish', 'german', 'french', 'italian', 'portuguese', 'dutch',
                                'swedish', 'danish', 'simple'] loop
        execute format('create text search configuration public.vc_%s (copy = pg_catalog.%s)', lang, lang);
        execute format('alter text search configuration public.vc_%s alter mapping for hword, hword_part, word'
                       ' with public.unaccent, %s', lang, case when lang = 'simple' then 'simple' else lang || '_stem' end);
    end loop;
end;
$$;

-- The text-search configuration for a receptionist language code; 'simple' (no stemming) for languages
-- PostgreSQL has no snowball stemmer for. Immutable, so it can feed a stored generated column.
create function kb_regconfig(language varchar) returns regconfig
    language sql immutable parallel safe as
$$
select (case lower(split_part(coalesce(language, ''), '-', 1))
            when 'en' then 'public.vc_english'
            when 'es' then 'public.vc_spanish'
            when 'de' then 'public.vc_german'
            when 'fr' then 'public.vc_french'
            when 'it' then 'public.vc_italian'
            when 'pt' then 'public.vc_portuguese'
            when 'nl' then 'public.vc_dutch'
            when 'sv' then 'public.vc_swedish'
            when 'da' then 'public.vc_danish'
            else 'public.vc_simple' end)::regconfig
$$;

-- Alternative wordings an admin (or an approved suggestion) adds to an entry: searched like the question.
alter table knowledge_base add column keywords text not null default '';
-- What the receptionist learnt from calls: how often the entry was given, and how those calls ended.
alter table knowledge_base add column times_used integer not null default 0;
alter table knowledge_base add column times_resolved integer not null default 0;
alter table knowledge_base add column times_transferred integer not null default 0;
alter table knowledge_base add column last_used_at timestamptz;
-- Question and keywords weigh more than the answer's words.
alter table knowledge_base add column search_vector tsvector generated always as (
        setweight(to_tsvector(kb_regconfig(language), coalesce(question, '') || ' ' || coalesce(keywords, '')), 'A')
     || setweight(to_tsvector(kb_regconfig(language), coalesce(answer, '')), 'C')) stored;
alter table knowledge_base add constraint knowledge_base_priority_range check (priority between 0 and 100);
create index knowledge_base_search_idx on knowledge_base using gin (search_vector);
create index knowledge_base_tenant_language_idx on knowledge_base (tenant_id, language) where active;

-- One conversation per call: the caller's language (fixed once detected), the unsuccessful attempts,
-- and how it ended. Turn-based and realtime transports share it.
create table conversations (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid         not null references tenants (id) on delete cascade,
    call_id            uuid         not null,
    transport          varchar(20)  not null default 'turn_based' check (transport in ('turn_based', 'realtime')),
    language           varchar(10)  not null,
    language_fixed     boolean      not null default false,
    detected_language  varchar(10),
    failed_attempts    integer      not null default 0 check (failed_attempts >= 0),
    turn_count         integer      not null default 0,
    answers            integer      not null default 0,
    outcome            varchar(20)  check (outcome in ('resolved', 'transferred', 'message', 'ended', 'spam', 'abandoned')),
    outcome_detail     varchar(300),
    started_at         timestamptz  not null default now(),
    finished_at        timestamptz,
    unique (tenant_id, call_id),
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade
);

-- Each turn committed as it happens: a crash loses at most the turn being answered.
create table conversation_turns (
    id                        uuid primary key default gen_random_uuid(),
    tenant_id                 uuid          not null references tenants (id) on delete cascade,
    conversation_id           uuid          not null references conversations (id) on delete cascade,
    call_id                   uuid          not null,
    seq                       integer       not null check (seq >= 1),
    caller_text               varchar(2000),
    reply_text                varchar(4000) not null,
    language                  varchar(10)   not null,
    intent                    varchar(20)   not null,
    knowledge_entry_id        uuid,
    confidence                real,
    server_ms                 integer       check (server_ms >= 0),
    speech_to_audio_ms        integer       check (speech_to_audio_ms >= 0),
    bridge_ms                 integer       check (bridge_ms >= 0),
    created_at                timestamptz   not null default now(),
    unique (conversation_id, seq)
);
create index conversation_turns_call_idx on conversation_turns (tenant_id, call_id, seq);

-- Questions the knowledge base could not answer, merged by wording; published only when an admin
-- approves (the approval creates or extends a knowledge-base entry).
create table knowledge_suggestions (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid          not null references tenants (id) on delete cascade,
    question           varchar(2000) not null,
    normalized         varchar(2000) not null,
    language           varchar(10)   not null,
    suggested_answer   text,
    occurrences        integer       not null default 1 check (occurrences >= 1),
    status             varchar(20)   not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    last_call_id       uuid,
    entry_id           uuid references knowledge_base (id) on delete set null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    decided_at         timestamptz
);
create unique index knowledge_suggestions_pending_idx on knowledge_suggestions (tenant_id, language, normalized)
    where status = 'pending';
create index knowledge_suggestions_tenant_idx on knowledge_suggestions (tenant_id, status, occurrences desc);

select tenant_isolation_policy('conversations'::regclass);
select tenant_isolation_policy('conversation_turns'::regclass);
select tenant_isolation_policy('knowledge_suggestions'::regclass);
