-- The change feed's outbox. Each write that people watch (a deal moved, a rating given…) adds a row
-- here in its own transaction, through the triggers below, and notifies `chorus_changes` with the row
-- as JSON, which PostgreSQL delivers to every listening API process at commit (PGlite in process).
-- Rows are small: ids, the version written and the few fields a client needs to patch its cache;
-- nothing a caller of the workspace could not read. Kept for a retention window for resuming streams.
create table change_events (
  id bigint generated always as identity primary key,
  workspace_id text not null references workspaces (id),
  type text not null,
  entity_id text not null,
  version integer,
  data jsonb not null default '{}',
  actor text,
  created_at timestamptz not null default now()
);
create index change_events_workspace on change_events (workspace_id, id);
create index change_events_created on change_events (created_at);
alter table change_events enable row level security;
create policy tenant_isolation on change_events using (workspace_id = current_setting('chorus.workspace_id', true)) with check (workspace_id = current_setting('chorus.workspace_id', true));
grant select, insert on change_events to chorus_app;

-- Events up to this id have been pruned: a stream resuming from before it has missed some (410).
create table change_event_horizon (
  id integer primary key check (id = 1),
  pruned_through bigint not null default 0
);
insert into change_event_horizon (id, pruned_through) values (1, 0);
grant select on change_event_horizon to chorus_app;

-- Seeding and bulk loads say `set_config('chorus.change_events', 'off', true)`: nobody watches them.
create function change_events_on() returns boolean language sql stable as $$
  select coalesce(current_setting('chorus.change_events', true), '') <> 'off'
$$;

create function emit_change(ws text, kind text, entity text, ver integer, payload jsonb) returns void
language plpgsql as $$
declare
  row change_events;
begin
  insert into change_events (workspace_id, type, entity_id, version, data, actor)
  values (ws, kind, entity, ver, payload, nullif(current_setting('chorus.actor', true), ''))
  returning * into row;
  perform pg_notify('chorus_changes', json_build_object(
    'id', row.id::text, 'workspaceId', row.workspace_id, 'type', row.type, 'entityId', row.entity_id,
    'version', row.version, 'data', row.data, 'actor', row.actor, 'at', row.created_at
  )::text);
end
$$;

create function change_events_deals() returns trigger language plpgsql as $$
declare kind text;
begin
  if not change_events_on() then return null; end if;
  if tg_op = 'DELETE' then
    perform emit_change(old.workspace_id, 'deal.deleted', old.id, old.version,
      jsonb_build_object('pipelineId', old.pipeline_id, 'contactId', old.contact_id));
    return null;
  end if;
  if tg_op = 'INSERT' then kind := 'deal.created';
  elsif old.stage_id is distinct from new.stage_id or old.rank is distinct from new.rank
    or old.status is distinct from new.status then kind := 'deal.moved';
  else kind := 'deal.updated';
  end if;
  perform emit_change(new.workspace_id, kind, new.id, new.version, jsonb_build_object(
    'pipelineId', new.pipeline_id, 'stageId', new.stage_id, 'rank', new.rank, 'status', new.status,
    'contactId', new.contact_id, 'title', new.title,
    'fromStageId', case when tg_op = 'UPDATE' and old.stage_id is distinct from new.stage_id then old.stage_id end));
  return null;
end
$$;
create trigger change_events after insert or update or delete on deals
  for each row execute function change_events_deals();

create function change_events_contacts() returns trigger language plpgsql as $$
begin
  if not change_events_on() then return null; end if;
  if tg_op = 'DELETE' then
    perform emit_change(old.workspace_id, 'contact.deleted', old.id, old.version, '{}');
  else
    perform emit_change(new.workspace_id, case tg_op when 'INSERT' then 'contact.created' else 'contact.updated' end,
      new.id, new.version, jsonb_build_object('lifecycleStage', new.lifecycle_stage, 'companyId', new.company_id));
  end if;
  return null;
end
$$;
create trigger change_events after insert or update or delete on contacts
  for each row execute function change_events_contacts();

create function change_events_ratings() returns trigger language plpgsql as $$
begin
  if change_events_on() then
    perform emit_change(new.workspace_id, 'rating.created', new.id, null, jsonb_build_object(
      'subject', new.subject, 'scale', new.scale, 'contactId', new.contact_id));
  end if;
  return null;
end
$$;
create trigger change_events after insert on ratings
  for each row execute function change_events_ratings();

create function change_events_activities() returns trigger language plpgsql as $$
begin
  if change_events_on() then
    perform emit_change(new.workspace_id, 'activity.created', new.id, null, jsonb_build_object(
      'contactId', new.contact_id, 'dealId', new.deal_id, 'activityType', new.type));
  end if;
  return null;
end
$$;
create trigger change_events after insert on activities
  for each row execute function change_events_activities();

create function change_events_orders() returns trigger language plpgsql as $$
begin
  if change_events_on() then
    perform emit_change(new.workspace_id, 'order.created', new.id, null,
      jsonb_build_object('contactId', new.contact_id, 'companyId', new.company_id));
  end if;
  return null;
end
$$;
create trigger change_events after insert on orders
  for each row execute function change_events_orders();

create function change_events_tickets() returns trigger language plpgsql as $$
begin
  if change_events_on() then
    perform emit_change(new.workspace_id, case tg_op when 'INSERT' then 'ticket.created' else 'ticket.updated' end,
      new.id, null, jsonb_build_object('contactId', new.contact_id, 'status', new.status));
  end if;
  return null;
end
$$;
create trigger change_events after insert or update on tickets
  for each row execute function change_events_tickets();
