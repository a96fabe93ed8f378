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
});
