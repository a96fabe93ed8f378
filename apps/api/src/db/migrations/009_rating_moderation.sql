-- Moderation of public reviews (issue 18): a workspace's moderators may hide a rating from the
-- public reviews, with the reason. The score still counts everywhere (summaries, metrics): hiding
-- is for content, never for sentiment (FTC, 16 CFR 465.7).
alter table ratings add column hidden boolean not null default false;
alter table ratings add column hidden_reason text;
