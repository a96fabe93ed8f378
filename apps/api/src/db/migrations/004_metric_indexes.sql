-- Indexes for the metrics, each leading with workspace_id (the tenant key every query filters on):
-- contacts created in a period (lead conversion), tickets resolved in a period (resolution time),
-- a contact's next lifecycle change (customers at a moment, for churn), ratings of one scale in a
-- period with their score (average rating, NPS, CSAT read from the index alone), and deals still
-- open or closed after a moment (weighted pipeline).
create index contacts_workspace_created on contacts (workspace_id, created_at);
create index tickets_workspace_resolved on tickets (workspace_id, resolved_at);
create index lifecycle_changes_workspace_contact on lifecycle_changes (workspace_id, contact_id, changed_at, id);
create index ratings_workspace_scale on ratings (workspace_id, scale, created_at) include (score);
create index deal_stage_history_workspace_deal on deal_stage_history (workspace_id, deal_id, entered_at);
