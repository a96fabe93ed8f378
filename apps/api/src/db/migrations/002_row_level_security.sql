-- The second wall between tenants: the API runs its queries as chorus_app, which owns nothing,
-- so these policies apply to it (they never apply to a superuser or a table owner).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'chorus_app') then
    create role chorus_app nologin;
  end if;
end
$$;
grant chorus_app to current_user;
grant usage on schema public to chorus_app;
grant select, insert, update, delete on all tables in schema public to chorus_app;
grant usage on all sequences in schema public to chorus_app;

alter table workspaces enable row level security;
create policy tenant_isolation on workspaces using (id = current_setting('chorus.workspace_id', true));
do $$
declare t text;
begin
  foreach t in array array['api_keys', 'sessions', 'users', 'companies', 'contacts', 'lifecycle_changes', 'pipelines',
    'stages', 'deals', 'deal_stage_history', 'activities', 'orders', 'tickets', 'ratings', 'idempotency_keys']
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (workspace_id = current_setting(''chorus.workspace_id'', true)) with check (workspace_id = current_setting(''chorus.workspace_id'', true))',
      t);
  end loop;
end
$$;
