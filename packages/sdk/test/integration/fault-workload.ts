/**
 * What the fault suite (`faults.test.ts`) and its long run (`bench/faults.ts`) both send: writes of
 * every kind, and two writers moving one deal as the board does, through the seeded fault proxy in
 * front of the real API, by a caller that retries what failed. Afterwards the API's rows say what
 * really happened, and each caller's outcome is held against them: stored, duplicated, lost, and
 * misreported (told success for a write that left nothing, or an error for one that stood, or a 412
 * for its own applied move).
 */
import type { TestApi } from '@chorus/api/testing';
import {
  type ChorusClient,
  type ChorusClientOptions,
  ChorusError,
  ChorusPreconditionError,
  createChorusClient,
} from '../../src/index.js';

/** The faults of the widget's suite and bench: answers lost after commit, 503s, 429s with Retry-After. */
export const FAULT_RATES = { drop: 0.3, unavailable: 0.1, rateLimit: 0.05, retryAfterSeconds: 1 };

/** Only writes are faulted: the reads that check the outcome go straight to the API. */
export const faultsWrites = (method: string) => method !== 'GET' && method !== 'OPTIONS';

export type Outcome<T> = { ok: true; value: T; tries: number } | { ok: false; error: unknown; tries: number };

/** What a caller retries: no answer, a 5xx, or a 429 the client's own retries gave up on. */
const RETRYABLE = new Set<string>(['network', 'timeout', 'api', 'rate_limited']);

export interface CallerOptions {
  /** Calls, the first one included (each of them the SDK's own attempts with retries). */
  tries?: number;
  /**
   * Send the retry with the failed call's `error.idempotencyKey`, as the README says. Off: a new call
   * with a new key, what a caller did while errors did not say their key (the 58 duplicates).
   */
  reuseKey?: boolean;
}

/** A caller that retries a write that failed without a clear answer, as anyone would. */
export async function asCaller<T>(
  send: (key: string | undefined) => Promise<T>,
  { tries = 4, reuseKey = true }: CallerOptions = {},
): Promise<Outcome<T>> {
  let key: string | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await send(key), tries: attempt };
    } catch (error) {
      if (attempt >= tries || !(error instanceof ChorusError) || !RETRYABLE.has(error.kind))
        return { ok: false, error, tries: attempt };
      if (reuseKey) key = error.idempotencyKey;
    }
  }
}

/** Client options a run may change (never the key). */
export type FaultedOptions = Pick<ChorusClientOptions, 'idempotencyKeys' | 'maxRetries'>;

/** One workspace for a batch of writes: its own rows to count, and its own rate-limit budget. */
export interface Round {
  api: TestApi;
  workspaceId: string;
  /** Straight to the API, with a key of its own: arranges and reads, never faulted. */
  direct: ChorusClient;
  /** Through the proxy, with the second key of the workspace. */
  faulted: (options?: FaultedOptions) => ChorusClient;
  contactId: string;
  pipelineId: string;
  /** The pipeline's open stages, in order. */
  stages: string[];
}

let serial = 0;
/** A value no other write of this process carries, to find a write's rows by. */
export const marker = (kind: string) => `fault-${kind}-${process.pid}-${++serial}`;

export async function openRound(api: TestApi, proxyUrl: string): Promise<Round> {
  const workspace = await api.createWorkspace();
  const direct = createChorusClient({ baseUrl: api.url, apiKey: workspace.secretKey });
  const { token } = await direct.post('/v1/keys', { body: { kind: 'secret', label: 'faulted writes' } });
  const contact = await direct.post('/v1/contacts', {
    body: { firstName: 'Fault', lastName: 'Suite', leadScore: 10, tags: [] },
  });
  const pipeline = await direct.post('/v1/pipelines', {
    body: {
      name: 'Faults',
      stages: [
        { name: 'Lead', kind: 'open', probability: 0.1, definition: 'Asked.' },
        { name: 'Qualified', kind: 'open', probability: 0.3, definition: 'Budget known.' },
        { name: 'Proposal', kind: 'open', probability: 0.6, definition: 'Offer sent.' },
        { name: 'Won', kind: 'won', probability: 1, definition: 'Signed.' },
        { name: 'Lost', kind: 'lost', probability: 0, definition: 'Declined.' },
      ],
    },
  });
  return {
    api,
    workspaceId: workspace.workspaceId,
    direct,
    faulted: (options = {}) => createChorusClient({ baseUrl: proxyUrl, apiKey: token, ...options }),
    contactId: contact.id,
    pipelineId: pipeline.id,
    stages: pipeline.stages.filter((stage) => stage.kind === 'open').map((stage) => stage.id),
  };
}

/** Rows of `table` in the round's workspace whose `column` is `value`. */
async function rows(round: Round, table: string, column: string, value: unknown): Promise<number> {
  const [row] = await round.api.db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where workspace_id = $1 and ${column} = $2`,
    [round.workspaceId, value],
  );
  return row?.n ?? 0;
}

/** How many times an update applied: versions gained, if the record holds what it set. */
async function applied(
  round: Round,
  table: string,
  id: string,
  version: number,
  column: string,
  value: unknown,
) {
  const [row] = await round.api.db.query<{ version: number; value: unknown }>(
    `select version, ${column} as value from ${table} where id = $1`,
    [id],
  );
  return row && row.value === value ? row.version - version : 0;
}

/** One write, ready to send: `effects` counts how many times it took effect at the API. */
export interface Write {
  send: (client: ChorusClient, key: string | undefined) => Promise<unknown>;
  effects: () => Promise<number>;
}

const withKey = (key: string | undefined) => (key ? { 'idempotency-key': key } : {});
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Every write the API has, each made ready in `round` (updates get a fresh record to change). */
export const WRITE_KINDS: Record<string, (round: Round) => Promise<Write>> = {
  'POST /v1/contacts': async (round) => {
    const lastName = marker('contact');
    return {
      send: (client, key) =>
        client.post('/v1/contacts', {
          body: { firstName: 'Fault', lastName, leadScore: 20, tags: [] },
          params: { header: withKey(key) },
        }),
      effects: () => rows(round, 'contacts', 'last_name', lastName),
    };
  },
  'POST /v1/companies': async (round) => {
    const name = marker('company');
    return {
      send: (client, key) =>
        client.post('/v1/companies', { body: { name }, params: { header: withKey(key) } }),
      effects: () => rows(round, 'companies', 'name', name),
    };
  },
  'POST /v1/deals': async (round) => {
    const title = marker('deal');
    return {
      send: (client, key) =>
        client.post('/v1/deals', {
          body: {
            title,
            value: { amount: 120_000, currency: 'EUR' },
            pipelineId: round.pipelineId,
            contactId: round.contactId,
          },
          params: { header: withKey(key) },
        }),
      effects: () => rows(round, 'deals', 'title', title),
    };
  },
  'POST /v1/activities': async (round) => {
    const body = marker('activity');
    return {
      send: (client, key) =>
        client.post('/v1/activities', {
          body: { contactId: round.contactId, type: 'call', body },
          params: { header: withKey(key) },
        }),
      effects: () => rows(round, 'activities', 'body', body),
    };
  },
  'POST /v1/orders': async (round) => {
    // Orders carry no text: the amount in cents tells them apart.
    const amount = 10_000 + (++serial % 1_000_000);
    return {
      send: (client, key) =>
        client.post('/v1/orders', {
          body: { contactId: round.contactId, amount: { amount, currency: 'EUR' } },
          params: { header: withKey(key) },
        }),
      effects: () => rows(round, 'orders', 'amount', amount),
    };
  },
  'POST /v1/tickets': async (round) => {
    const subject = marker('ticket');
    return {
      send: (client, key) =>
        client.post('/v1/tickets', {
          body: { contactId: round.contactId, subject },
          params: { header: withKey(key) },
        }),
      effects: () => rows(round, 'tickets', 'subject', subject),
    };
  },
  'POST /v1/ratings': async (round) => {
    const comment = marker('rating');
    return {
      send: (client, key) =>
        client.post('/v1/ratings', {
          body: { subject: 'product:faults', scale: 'stars5', score: 4, comment, contactId: round.contactId },
          params: { header: withKey(key) },
        }),
      effects: () => rows(round, 'ratings', 'comment', comment),
    };
  },
  'PATCH /v1/contacts/{id}': async (round) => {
    const contact = await round.direct.post('/v1/contacts', {
      body: { firstName: 'Edit', lastName: 'Me', leadScore: 5, tags: [] },
    });
    const title = marker('title');
    return {
      send: (client, key) =>
        client.patch('/v1/contacts/{id}', {
          params: { path: { id: contact.id }, header: { ...ifMatch(contact.version), ...withKey(key) } },
          body: { title },
        }),
      effects: () => applied(round, 'contacts', contact.id, contact.version, 'title', title),
    };
  },
  'PATCH /v1/companies/{id}': async (round) => {
    const company = await round.direct.post('/v1/companies', { body: { name: marker('edit') } });
    const industry = marker('industry');
    return {
      send: (client, key) =>
        client.patch('/v1/companies/{id}', {
          params: { path: { id: company.id }, header: { ...ifMatch(company.version), ...withKey(key) } },
          body: { industry },
        }),
      effects: () => applied(round, 'companies', company.id, company.version, 'industry', industry),
    };
  },
  'PATCH /v1/tickets/{id}': async (round) => {
    const ticket = await round.direct.post('/v1/tickets', {
      body: { contactId: round.contactId, subject: marker('edit') },
    });
    const subject = marker('subject');
    return {
      send: (client, key) =>
        client.patch('/v1/tickets/{id}', {
          params: { path: { id: ticket.id }, header: { ...ifMatch(ticket.version), ...withKey(key) } },
          body: { subject },
        }),
      effects: () => applied(round, 'tickets', ticket.id, ticket.version, 'subject', subject),
    };
  },
  'PATCH /v1/deals/{id} (edit)': async (round) => {
    const deal = await newDeal(round);
    const title = marker('retitle');
    return {
      send: (client, key) =>
        client.patch('/v1/deals/{id}', {
          params: { path: { id: deal.id }, header: { ...ifMatch(deal.version), ...withKey(key) } },
          body: { title },
        }),
      effects: () => applied(round, 'deals', deal.id, deal.version, 'title', title),
    };
  },
  'PATCH /v1/deals/{id} (move)': async (round) => {
    const deal = await newDeal(round);
    const stageId = round.stages[1]!;
    return {
      send: (client, key) => moveDeal(client, deal, stageId, key),
      effects: () => applied(round, 'deals', deal.id, deal.version, 'stage_id', stageId),
    };
  },
  'DELETE /v1/keys/{id}': async (round) => {
    const key = await round.direct.post('/v1/keys', {
      body: { kind: 'publishable', label: marker('revoke') },
    });
    return {
      send: (client, idempotencyKey) =>
        client.delete('/v1/keys/{id}', {
          params: { path: { id: key.id }, header: withKey(idempotencyKey) },
        }),
      effects: async () => {
        const [row] = await round.api.db.query<{ revoked: boolean }>(
          'select revoked_at is not null as revoked from api_keys where id = $1',
          [key.id],
        );
        return row?.revoked ? 1 : 0;
      },
    };
  },
};

function newDeal(round: Round) {
  return round.direct.post('/v1/deals', {
    body: {
      title: marker('move'),
      value: { amount: 50_000, currency: 'EUR' },
      pipelineId: round.pipelineId,
      stageId: round.stages[0]!,
      contactId: round.contactId,
    },
  });
}

/** The board's move: what `deals.move()` sends (PATCH with the version it read as `If-Match`). */
function moveDeal(
  client: ChorusClient,
  deal: { id: string; version: number },
  stageId: string,
  key?: string,
) {
  return client.patch('/v1/deals/{id}', {
    params: { path: { id: deal.id }, header: { ...ifMatch(deal.version), ...withKey(key) } },
    body: { stageId },
  });
}

export interface Tally {
  writes: number;
  stored: number;
  duplicated: number;
  lost: number;
  misreported: number;
  /** Calls the SDK gave up on (its retries spent) that the caller sent again. */
  retriedByCaller: number;
  /** What went wrong, one line each, for a failing test's message. */
  wrong: string[];
}

export const emptyTally = (): Tally => ({
  writes: 0,
  stored: 0,
  duplicated: 0,
  lost: 0,
  misreported: 0,
  retriedByCaller: 0,
  wrong: [],
});

/** Sends one write of every kind (or of `kinds`) through `client` and adds what happened to `tally`. */
export async function writeEveryKind(
  round: Round,
  client: ChorusClient,
  tally: Tally,
  caller?: CallerOptions,
  kinds = Object.keys(WRITE_KINDS),
) {
  for (const kind of kinds) {
    const write = await WRITE_KINDS[kind]!(round);
    const outcome = await asCaller((key) => write.send(client, key), caller);
    const effects = await write.effects();
    tally.writes += 1;
    tally.retriedByCaller += outcome.tries - 1;
    if (effects > 0) tally.stored += 1;
    else tally.lost += 1;
    tally.duplicated += Math.max(0, effects - 1);
    // Told success for a write that left nothing, or an error for one that took effect.
    if (outcome.ok !== effects > 0) {
      tally.misreported += 1;
      tally.wrong.push(`${kind}: ${outcome.ok ? 'success' : String(outcome.error)}, ${effects} effects`);
    } else if (effects > 1) tally.wrong.push(`${kind}: ${effects} effects`);
  }
}

/**
 * Two writers move one deal from the same version to different stages at once. Exactly one move
 * may stand; its writer must hear success (even if its answer was dropped and replayed) and the
 * other a 412, with nothing of its move applied. Each race is one "write" of the tally.
 */
export async function raceMoves(
  round: Round,
  writers: [ChorusClient, ChorusClient],
  tally: Tally,
  caller?: CallerOptions,
) {
  const deal = await newDeal(round);
  const targets = [round.stages[1]!, round.stages[2]!];
  const outcomes = await Promise.all(
    writers.map((writer, i) => asCaller((key) => moveDeal(writer, deal, targets[i]!, key), caller)),
  );
  const [row] = await round.api.db.query<{ stage_id: string; version: number }>(
    'select stage_id, version from deals where id = $1',
    [deal.id],
  );
  const [history] = await round.api.db.query<{ n: number }>(
    'select count(*)::int as n from deal_stage_history where deal_id = $1',
    [deal.id],
  );
  const moves = (history?.n ?? 1) - 1;
  const winner = targets.indexOf(row!.stage_id);
  tally.writes += 1;
  tally.retriedByCaller += outcomes.reduce((sum, outcome) => sum + outcome.tries - 1, 0);
  if (moves > 0 && winner >= 0) tally.stored += 1;
  else tally.lost += 1;
  tally.duplicated += Math.max(0, moves - 1);
  const told = outcomes.map((outcome, i) => {
    if (i === winner)
      return outcome.ok && (outcome.value as { version: number }).version === row!.version
        ? ''
        : 'the winner';
    return !outcome.ok && outcome.error instanceof ChorusPreconditionError ? '' : 'the loser';
  });
  for (const who of told.filter(Boolean)) {
    tally.misreported += 1;
    const said = outcomes.map((o) => (o.ok ? 'success' : String(o.error)));
    tally.wrong.push(`move race: ${who} was told wrong (${said.join(' / ')}; ${moves} moves stand)`);
  }
  if (moves > 1) tally.wrong.push(`move race: ${moves} moves stand`);
}
