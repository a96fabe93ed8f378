-- The public rating summary (issue 14): each subject's count per score, per workspace, scale and
-- source, kept by statement-level triggers in the transaction of every write to ratings. A summary
-- reads a few dozen rows instead of every rating of its subject (about 12,000 at ~100k deals, read
-- on every request of a product page's widget).
create table rating_tallies (
  workspace_id text not null references workspaces (id),
  subject text not null,
  scale text not null,
  source text not null,
  score integer not null,
  count bigint not null,
  primary key (workspace_id, subject, scale, source, score)
);

alter table rating_tallies enable row level security;
create policy tenant_isolation on rating_tallies using (workspace_id = current_setting('chorus.workspace_id', true)) with check (workspace_id = current_setting('chorus.workspace_id', true));
grant select, insert, update on rating_tallies to chorus_app;

-- Takes away the rows a statement replaced and adds those it wrote; a change that moves no count
-- (a comment, a moderation) writes nothing. A tally that falls to zero stays, counting nothing.
create function rating_tallies_apply() returns trigger language plpgsql as $$
declare
  gone ratings[] := '{}';
  came ratings[] := '{}';
begin
  if TG_OP <> 'INSERT' then gone := array(select x from old_rows x); end if;
  if TG_OP <> 'DELETE' then came := array(select x from new_rows x); end if;
  insert into rating_tallies as t (workspace_id, subject, scale, source, score, count)
  select workspace_id, subject, scale, source, score, sum(d) from (
    select g.workspace_id, g.subject, g.scale, g.source, g.score, -1 as d from unnest(gone) g
    union all
    select c.workspace_id, c.subject, c.scale, c.source, c.score, 1 as d from unnest(came) c
  ) x
  group by workspace_id, subject, scale, source, score
  having sum(d) <> 0
  on conflict (workspace_id, subject, scale, source, score) do update set count = t.count + excluded.count;
  return null;
end
$$;

create trigger rating_tallies_insert after insert on ratings referencing new table as new_rows for each statement execute function rating_tallies_apply();
create trigger rating_tallies_update after update on ratings referencing old table as old_rows new table as new_rows for each statement execute function rating_tallies_apply();
create trigger rating_tallies_delete after delete on ratings referencing old table as old_rows for each statement execute function rating_tallies_apply();

insert into rating_tallies (workspace_id, subject, scale, source, score, count)
select workspace_id, subject, scale, source, score, count(*) from ratings
group by workspace_id, subject, scale, source, score;
