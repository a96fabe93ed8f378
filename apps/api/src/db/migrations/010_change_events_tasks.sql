-- Tasks (migration 008) are activities with a due date, done by an update: the feed carries both, so
-- another client's board learns a deal's next activity changed, whether a task was scheduled or done.
create or replace function change_events_activities() returns trigger language plpgsql as $$
begin
  if change_events_on() then
    perform emit_change(new.workspace_id, case tg_op when 'INSERT' then 'activity.created' else 'activity.updated' end,
      new.id, null, jsonb_build_object(
        'contactId', new.contact_id, 'dealId', new.deal_id, 'activityType', new.type,
        'dueAt', new.due_at, 'completedAt', new.completed_at));
  end if;
  return null;
end
$$;
drop trigger change_events on activities;
create trigger change_events after insert or update on activities
  for each row execute function change_events_activities();
