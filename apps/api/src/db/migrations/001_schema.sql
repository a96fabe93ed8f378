-- The whole domain. Every tenant table carries workspace_id; money is integer minor units.

create table workspaces (
  id text primary key,
  name text not null,
  currency text not null,
  allowed_origins text[] not null default '{}',
  created_at timestamptz not null default now()
);

create table api_keys (
  id text primary key,
  workspace_id text not null references workspaces (id),
  kind text not null check (kind in ('secret', 'publishable')),
  label text not null,
  token_hash text not null unique,
  hint text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table sessions (
  token_hash text primary key,
  workspace_id text not null references workspaces (id),
  scopes text[] not null,
  subject text,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  email text not null
);

create table companies (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  domain text,
  industry text,
  owner_id text references users (id),
  wallet_amount bigint,
  wallet_currency text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index companies_workspace_id on companies (workspace_id, id);

create table contacts (
  id text primary key,
  workspace_id text not null references workspaces (id),
  first_name text not null,
  last_name text not null default '',
  email text,
  phone text,
  title text,
  company_id text references companies (id),
  owner_id text references users (id),
  lifecycle_stage text not null,
  initial_stage text not null,
  lead_score integer not null default 0,
  tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index contacts_workspace_id on contacts (workspace_id, id);
create index contacts_company on contacts (company_id);

create table lifecycle_changes (
  id bigint generated always as identity primary key,
  workspace_id text not null references workspaces (id),
  contact_id text not null references contacts (id),
  from_stage text,
  to_stage text not null,
  reason text not null,
  changed_at timestamptz not null default now()
);
create index lifecycle_changes_contact on lifecycle_changes (contact_id, changed_at);
create index lifecycle_changes_workspace on lifecycle_changes (workspace_id, to_stage, changed_at);

create table pipelines (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  created_at timestamptz not null default now()
);

create table stages (
  id text primary key,
  workspace_id text not null references workspaces (id),
  pipeline_id text not null references pipelines (id),
  name text not null,
  position integer not null,
  kind text not null check (kind in ('open', 'won', 'lost')),
  probability double precision not null,
  definition text not null default '',
  rotting_days integer
);
create index stages_pipeline on stages (pipeline_id, position);

create table deals (
  id text primary key,
  workspace_id text not null references workspaces (id),
  title text not null,
  value_amount bigint not null,
  value_currency text not null,
  pipeline_id text not null references pipelines (id),
  stage_id text not null references stages (id),
  status text not null check (status in ('open', 'won', 'lost')),
  contact_id text references contacts (id),
  company_id text references companies (id),
  owner_id text references users (id),
  expected_close_date date,
  lost_reason text,
  stage_entered_at timestamptz not null default now(),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index deals_workspace_id on deals (workspace_id, id);
create index deals_pipeline on deals (pipeline_id, id);
create index deals_closed on deals (workspace_id, closed_at);

create table deal_stage_history (
  id bigint generated always as identity primary key,
  workspace_id text not null references workspaces (id),
  deal_id text not null references deals (id),
  stage_id text not null references stages (id),
  entered_at timestamptz not null,
  left_at timestamptz
);
create index deal_stage_history_deal on deal_stage_history (deal_id, entered_at);

create table activities (
  id text primary key,
  workspace_id text not null references workspaces (id),
  type text not null,
  contact_id text not null references contacts (id),
  deal_id text references deals (id),
  owner_id text references users (id),
  body text not null default '',
  occurred_at timestamptz not null default now()
);
create index activities_contact on activities (contact_id, occurred_at);
create index activities_workspace on activities (workspace_id, occurred_at, id);

create table orders (
  id text primary key,
  workspace_id text not null references workspaces (id),
  contact_id text not null references contacts (id),
  company_id text references companies (id),
  amount bigint not null,
  currency text not null,
  ordered_at timestamptz not null default now()
);
create index orders_contact on orders (contact_id, ordered_at);
create index orders_workspace on orders (workspace_id, ordered_at, id);
create index orders_company on orders (company_id, ordered_at);

create table tickets (
  id text primary key,
  workspace_id text not null references workspaces (id),
  contact_id text not null references contacts (id),
  subject text not null,
  status text not null,
  opened_at timestamptz not null default now(),
  resolved_at timestamptz,
  version integer not null default 1
);
create index tickets_workspace on tickets (workspace_id, opened_at, id);

create table ratings (
  id text primary key,
  workspace_id text not null references workspaces (id),
  subject text not null,
  scale text not null,
  score integer not null,
  comment text,
  source text not null,
  contact_id text references contacts (id),
  origin text,
  created_at timestamptz not null default now()
);
create index ratings_subject on ratings (workspace_id, subject, scale);
create index ratings_workspace on ratings (workspace_id, created_at, id);
create index ratings_contact on ratings (contact_id, created_at);

create table idempotency_keys (
  workspace_id text not null references workspaces (id),
  key text not null,
  method text not null,
  path text not null,
  body_hash text not null,
  status integer,
  response text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
);
