import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/tenant.js';
import type { TestApi } from '../src/testing.js';
import { freshWorkspace, testApi } from './support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await testApi();
});

/**
 * The tenant's role and workspace ride along with a transaction's first query (pipelined on
 * PostgreSQL) and statements are prepared once per connection: neither may let one tenant's
 * setting reach another's query.
 */
describe('tenant transactions', () => {
  it('the same prepared list query answers each workspace with its own rows, alternately', async () => {
    const a = await freshWorkspace(api);
    const b = await freshWorkspace(api);
    await a.http.post('/v1/contacts', { firstName: 'Ada' });
    await b.http.post('/v1/contacts', { firstName: 'Bob' });
    const names: string[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const reply = await (i % 2 ? b : a).http.get('/v1/contacts?limit=50');
        names.push(`${i % 2 ? 'b' : 'a'}:${reply.body.data.map((c: { firstName: string }) => c.firstName)}`);
      }),
    );
    expect(names.sort()).toEqual([...Array(6).fill('a:Ada'), ...Array(6).fill('b:Bob')]);
  });

  it('a failed transaction keeps nothing and leaves no role or workspace on the pooled connections', async () => {
    const { ws } = await freshWorkspace(api);
    await expect(
      withTenant(api.db, ws.workspaceId, async (tx) => {
        await tx.query(
          "insert into contacts (id, workspace_id, first_name, lifecycle_stage, initial_stage) values ('con_rolledback01', $1, 'X', 'lead', 'lead')",
          [ws.workspaceId],
        );
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await Promise.all(
      Array.from({ length: 16 }, () =>
        api.db.query<{ who: string; ws: string | null; n: number }>(
          "select current_user as who, current_setting('chorus.workspace_id', true) as ws, (select count(*) from contacts where id = 'con_rolledback01')::int as n",
        ),
      ),
    );
    for (const [row] of rows) {
      expect(row!.who).not.toBe('chorus_app');
      expect(row!.ws ?? '').toBe('');
      expect(row!.n).toBe(0);
    }
  });

  it("reports the first query's own error", async () => {
    const { ws } = await freshWorkspace(api);
    await expect(withTenant(api.db, ws.workspaceId, (tx) => tx.query('select 1 / 0'))).rejects.toThrow(
      /division by zero/,
    );
  });

  it('a read answers each workspace with its own rows and leaves no role, workspace or read-only flag behind', async () => {
    const a = await freshWorkspace(api);
    const b = await freshWorkspace(api);
    await a.http.post('/v1/contacts', { firstName: 'Ada' });
    await b.http.post('/v1/contacts', { firstName: 'Bob' });
    const read = (workspaceId: string) =>
      withTenant(
        api.db,
        workspaceId,
        (tx) => tx.query<{ first_name: string }>('select first_name from contacts order by id'),
        { readOnly: true },
      );
    // No workspace filter in the query: row-level security alone keeps each read to its own tenant.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => read(i % 2 ? b.ws.workspaceId : a.ws.workspaceId)),
    );
    expect(answers.map((rows) => rows.map((r) => r.first_name).join())).toEqual(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? 'Bob' : 'Ada')),
    );
    // A read answers before its COMMIT is back (PostgreSQL): the next user of its connection still starts clean.
    const rows = await Promise.all(
      Array.from({ length: 16 }, () =>
        api.db.query<{ who: string; ws: string | null; ro: string }>(
          "select current_user as who, current_setting('chorus.workspace_id', true) as ws, current_setting('transaction_read_only') as ro",
        ),
      ),
    );
    for (const [row] of rows) {
      expect(row!.who).not.toBe('chorus_app');
      expect(row!.ws ?? '').toBe('');
      expect(row!.ro).toBe('off');
    }
    const written = await api.db.query<{ n: number }>(
      "insert into contacts (id, workspace_id, first_name, lifecycle_stage, initial_stage) values ('con_afterread001', $1, 'Y', 'lead', 'lead') returning 1 as n",
      [a.ws.workspaceId],
    );
    expect(written).toHaveLength(1);
  });

  it('a read cannot write: its transaction is read-only, and nothing is kept', async () => {
    const { ws } = await freshWorkspace(api);
    await expect(
      withTenant(
        api.db,
        ws.workspaceId,
        (tx) =>
          tx.query(
            "insert into contacts (id, workspace_id, first_name, lifecycle_stage, initial_stage) values ('con_readwrite001', $1, 'X', 'lead', 'lead')",
            [ws.workspaceId],
          ),
        { readOnly: true },
      ),
    ).rejects.toThrow(/read-only transaction/);
    const rows = await api.db.query("select 1 from contacts where id = 'con_readwrite001'");
    expect(rows).toHaveLength(0);
  });

  it('every GET of the API runs read-only and still answers', async () => {
    const { http } = await freshWorkspace(api);
    for (const path of [
      '/v1/contacts',
      '/v1/deals',
      '/v1/companies',
      '/v1/metrics?names=win_rate,pipeline_value',
      '/v1/workspace',
    ]) {
      expect((await http.get(path)).status, path).toBe(200);
    }
  });
});
