-- Keys the conversation tables lacked (V6). A turn and a suggestion can only point at rows of their
-- own tenant (composite keys, like every other cross-table reference), and a turn's knowledge entry
-- is a real reference: deleting the entry keeps the turn and forgets which entry it was.

alter table conversations add constraint conversations_tenant_id_key unique (tenant_id, id);
alter table knowledge_base add constraint knowledge_base_tenant_id_key unique (tenant_id, id);

-- references to entries deleted before this key existed
update conversation_turns t set knowledge_entry_id = null
 where knowledge_entry_id is not null
   and not exists (select 1 from knowledge_base k where k.tenant_id = t.tenant_id and k.id = t.knowledge_entry_id);
update knowledge_suggestions s set entry_id = null
 where entry_id is not null
   and not exists (select 1 from knowledge_base k where k.tenant_id = s.tenant_id and k.id = s.entry_id);

alter table conversation_turns drop constraint conversation_turns_conversation_id_fkey;
alter table conversation_turns add constraint conversation_turns_conversation_fkey
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade;
alter table conversation_turns add constraint conversation_turns_call_fkey
    foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade;
alter table conversation_turns add constraint conversation_turns_knowledge_entry_fkey
    foreign key (tenant_id, knowledge_entry_id) references knowledge_base (tenant_id, id) on delete set null (knowledge_entry_id);

alter table knowledge_suggestions drop constraint knowledge_suggestions_entry_id_fkey;
alter table knowledge_suggestions add constraint knowledge_suggestions_entry_fkey
    foreign key (tenant_id, entry_id) references knowledge_base (tenant_id, id) on delete set null (entry_id);
