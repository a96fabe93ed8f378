/**
 * Where the time of one list request goes, timed piece by piece in the server process: the same
 * functions the app calls, one request at a time (no load), median of many. "Rest" is what the
 * whole in-process request costs beyond the pieces: routing, validation, middleware, the Response.
 */
import type { Database } from '../src/db/database.js';
import { withTenant } from '../src/db/tenant.js';
import { listContacts } from '../src/domain/contacts.js';
import type { CallerCache } from '../src/http/caller-cache.js';
import { DEMO_SECRET_KEY, DEMO_WORKSPACE_ID } from '../src/seed/demo.js';
import type { Breakdown } from './types.js';

export const LIST_PATH = '/v1/contacts?limit=50';

interface InProcessApp {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function breakDownListRequest(
  db: Database,
  app: InProcessApp,
  /** The app's own: auth is timed as the app authenticates. */
  callers: CallerCache,
  iterations = 300,
): Promise<Breakdown> {
  const auth: number[] = [];
  const tenant: number[] = [];
  const query: number[] = [];
  const serialize: number[] = [];
  const whole: number[] = [];
  const headers = { Authorization: `Bearer ${DEMO_SECRET_KEY}` };
  for (let i = -20; i < iterations; i++) {
    const t0 = performance.now();
    await callers.find(DEMO_SECRET_KEY);
    const t1 = performance.now();
    let inside = 0;
    let queried = 0;
    // Read-only, as the app runs a GET.
    const page = await withTenant(
      db,
      DEMO_WORKSPACE_ID,
      async (tx) => {
        inside = performance.now();
        const result = await listContacts(tx, DEMO_WORKSPACE_ID, { limit: 50 });
        queried = performance.now();
        return result;
      },
      { readOnly: true },
    );
    const t2 = performance.now();
    JSON.stringify(page);
    const t3 = performance.now();
    const response = await app.request(LIST_PATH, { headers });
    await response.text();
    const t4 = performance.now();
    if (i < 0) continue; // warm-up
    auth.push(t1 - t0);
    query.push(queried - inside);
    tenant.push(t2 - t1 - (queried - inside));
    serialize.push(t3 - t2);
    whole.push(t4 - t3);
  }
  const parts = {
    authMs: median(auth),
    tenantMs: median(tenant),
    queryMs: median(query),
    serializeMs: median(serialize),
  };
  const wholeMs = median(whole);
  const sum = parts.authMs + parts.tenantMs + parts.queryMs + parts.serializeMs;
  return { path: LIST_PATH, iterations, ...parts, restMs: Math.max(0, wholeMs - sum), wholeMs };
}
