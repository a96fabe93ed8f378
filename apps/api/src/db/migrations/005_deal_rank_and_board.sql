-- A deal's place within its stage, the same for every user and after every reload: a
-- fractional-indexing key (https://github.com/rocicorp/fractional-indexing, base 62), compared as
-- bytes (collation "C" on both engines), so a move writes one row and renumbers no neighbour.
-- Columns read `order by rank, id`: `id` breaks the rare tie.
alter table deals add column rank text collate "C";

-- Existing deals keep the order the board showed them in (oldest first, by id): the n-th deal of a
-- stage gets the integer key "f" + n in six hex digits ("f" heads a six-digit integer; hex digits
-- are base-62 digits), so stages of up to 16.7 million deals backfill in one statement.
update deals d set rank = 'f' || lpad(to_hex(n.n), 6, '0')
from (
  select id, row_number() over (partition by workspace_id, stage_id order by id) as n from deals
) n
where n.id = d.id;

-- A deal inserted without a rank (a new deal, a seed, an import) goes to the end of its stage: the
-- integer key "n" + the insertion time in microseconds as 14 hex digits sorts after every backfilled
-- key and after every earlier insertion. The API's moves compute keys between neighbours instead.
alter table deals alter column rank set default (
  'n' || lpad(to_hex((extract(epoch from clock_timestamp()) * 1000000)::bigint), 14, '0')
);
alter table deals alter column rank set not null;

-- A column's page: one stage's deals in rank order, read from the index alone up to the limit.
create index deals_board on deals (workspace_id, stage_id, rank, id);
