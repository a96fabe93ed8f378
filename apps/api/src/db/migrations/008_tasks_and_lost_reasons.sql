-- Tasks: an activity with a due time is a task, open until it is completed. A touch logged after
-- the fact is done when it happened, so every existing activity is done at its occurred_at.
alter table activities add column due_at timestamptz;
alter table activities add column completed_at timestamptz;
update activities set completed_at = occurred_at;

-- A deal's or contact's next activity is its earliest open task: read from these alone.
create index activities_open_by_deal on activities (workspace_id, deal_id, due_at, id)
  where due_at is not null and completed_at is null;
create index activities_open_by_contact on activities (workspace_id, contact_id, due_at, id)
  where due_at is not null and completed_at is null;

-- The reasons a workspace records lost deals with, in the order its board offers them. A lost deal
-- keeps its reason as text (deals.lost_reason), so renaming a reason never rewrites history.
create table lost_reasons (
  id text primary key,
  workspace_id text not null references workspaces (id),
  label text not null,
  position integer not null
);
create index lost_reasons_workspace on lost_reasons (workspace_id, position);
grant select, insert, update, delete on lost_reasons to chorus_app;
alter table lost_reasons enable row level security;
create policy tenant_isolation on lost_reasons
  using (workspace_id = current_setting('chorus.workspace_id', true))
  with check (workspace_id = current_setting('chorus.workspace_id', true));

-- Workspaces made before this list existed get the default one that new workspaces start with
-- (apps/api/src/domain/lost-reasons.ts keeps the same labels).
insert into lost_reasons (id, workspace_id, label, position)
select 'lr_' || substr(md5(w.id || r.position::text), 1, 20), w.id, r.label, r.position
from workspaces w cross join (values
  (0, 'Chose a competitor'),
  (1, 'Price too high'),
  (2, 'No budget'),
  (3, 'No decision'),
  (4, 'Bad timing')
) as r (position, label);
