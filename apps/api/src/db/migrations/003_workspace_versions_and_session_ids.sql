-- Workspaces are updated with If-Match like every other versioned resource.
alter table workspaces add column version integer not null default 1;

-- Sessions get an id (what lists and revocation use, never the token), the key that minted them
-- (revoking that key ends them) and their own end.
alter table sessions add column id text;
update sessions set id = 'ses_' || substr(token_hash, 1, 24) where id is null;
alter table sessions alter column id set not null;
create unique index sessions_id on sessions (id);
alter table sessions add column key_id text references api_keys (id);
create index sessions_key on sessions (key_id);
alter table sessions add column revoked_at timestamptz;

-- Idempotency records are purged after 24 h; answers that carried a secret were stored whole before
-- this migration, and no secret may rest in plaintext.
create index idempotency_keys_created on idempotency_keys (created_at);
delete from idempotency_keys where path in ('/v1/keys', '/v1/sessions');
-- An answer that carried a secret is recorded without its body: a replay says so instead of showing it.
alter table idempotency_keys add column holds_secret boolean not null default false;
