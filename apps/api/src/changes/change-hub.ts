import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';

/** One change as the feed sends it: the `change_events` row, without its workspace. */
export interface ChangeEventDto {
  id: string;
  type: string;
  entityId: string;
  version: number | null;
  data: Record<string, unknown>;
  actor: string | null;
  at: string;
}

type Listener = (event: ChangeEventDto) => void;

export interface ChangeHubOptions {
  /** How long events are kept for streams to resume from (default one day). */
  retentionMs?: number;
  /** How often old events are pruned (default every ten minutes). */
  pruneEveryMs?: number;
}

/** Rows a resuming stream is sent at most; past that it is told to start over (a 410). */
export const BACKLOG_LIMIT = 1_000;

/**
 * A transaction that took its id before another but committed after it would be missed by a stream
 * that resumes from the later id, so a resume also reads what committed in this last window; the
 * client drops ids it has applied.
 */
const LATE_COMMIT_WINDOW = '10 seconds';

/**
 * The change feed's fan-out in one API process: one LISTEN on `chorus_changes` (opened with the first
 * stream, closed with the last), each notification handed to the streams of its workspace only.
 */
export class ChangeHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** What each open stream does when the hub closes (the server stopping): it ends. */
  private readonly closers = new Set<() => void>();
  /** Set by `close`: the hub takes no new subscribers after it. */
  private closed = false;
  private stopListening?: Promise<() => Promise<void>>;
  private pruneTimer?: ReturnType<typeof setInterval>;
  private readonly retentionMs: number;
  private readonly pruneEveryMs: number;

  constructor(
    private readonly db: Database,
    { retentionMs = 86_400_000, pruneEveryMs = 600_000 }: ChangeHubOptions = {},
  ) {
    this.retentionMs = retentionMs;
    this.pruneEveryMs = pruneEveryMs;
  }

  /**
   * Listens for one workspace's events; resolves once the LISTEN is in place, with the unsubscribe.
   * `onClose` is called if the hub closes first. When the LISTEN fails, it rejects with that error,
   * and the next subscriber tries again.
   */
  async subscribe(
    workspaceId: string,
    listener: Listener,
    onClose: () => void = () => {},
  ): Promise<() => void> {
    // A stream that reaches a closing server (a reconnect on a socket that was busy) ends at once:
    // listening again would open a feed that nothing closes, and hold the server's `close` open.
    if (this.closed) {
      onClose();
      return () => {};
    }
    const set = this.listeners.get(workspaceId) ?? new Set<Listener>();
    this.listeners.set(workspaceId, set);
    set.add(listener);
    this.closers.add(onClose);
    const remove = () => {
      this.closers.delete(onClose);
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(workspaceId) === set) this.listeners.delete(workspaceId);
    };
    this.stopListening ??= this.start();
    const starting = this.stopListening;
    try {
      await starting;
    } catch (error) {
      remove();
      // A failed LISTEN is not kept: every later subscriber would get the same rejection (a database
      // that was down for a moment would leave the feed dead until the process restarts).
      if (this.stopListening === starting) {
        this.stopListening = undefined;
        clearInterval(this.pruneTimer);
      }
      throw error;
    }
    return () => {
      remove();
      if (this.listeners.size === 0) void this.stop();
    };
  }

  /** Events of a workspace after `afterId` (and any that committed late, see LATE_COMMIT_WINDOW), oldest first. */
  backlog(workspaceId: string, afterId: bigint): Promise<ChangeEventDto[]> {
    return withTenant(this.db, workspaceId, (tx) =>
      tx.query<ChangeEventDto>(
        `select id::text as id, type, entity_id as "entityId", version, data, actor,
                to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
           from change_events
          where workspace_id = $1 and (id > $2 or created_at > now() - interval '${LATE_COMMIT_WINDOW}')
          order by id limit ${BACKLOG_LIMIT + 1}`,
        [workspaceId, afterId.toString()],
      ),
    );
  }

  /** The last id pruned: a stream resuming from before it has missed events. */
  async prunedThrough(): Promise<bigint> {
    const [row] = await this.db.query<{ pruned: string }>(
      'select pruned_through::text as pruned from change_event_horizon where id = 1',
    );
    return BigInt(row?.pruned ?? '0');
  }

  /** Deletes events past the retention window, and moves the horizon past them. */
  async prune(now = new Date()): Promise<void> {
    const before = new Date(now.getTime() - this.retentionMs).toISOString();
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ last: string | null }>(
        'select max(id)::text as last from change_events where created_at < $1',
        [before],
      );
      if (!row?.last) return;
      await tx.query('delete from change_events where id <= $1', [row.last]);
      await tx.query(
        'update change_event_horizon set pruned_through = greatest(pruned_through, $1) where id = 1',
        [row.last],
      );
    });
  }

  /** Ends every open stream and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    for (const close of [...this.closers]) close();
    this.closers.clear();
    this.listeners.clear();
    await this.stop();
  }

  private async start(): Promise<() => Promise<void>> {
    this.pruneTimer = setInterval(() => void this.prune().catch(() => {}), this.pruneEveryMs);
    this.pruneTimer.unref?.();
    return this.db.listen('chorus_changes', (payload) => this.dispatch(payload));
  }

  private async stop(): Promise<void> {
    const stopping = this.stopListening;
    this.stopListening = undefined;
    clearInterval(this.pruneTimer);
    if (stopping) await (await stopping.catch(() => async () => {}))();
  }

  private dispatch(payload: string) {
    let parsed: ChangeEventDto & { workspaceId?: string };
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const { workspaceId, ...event } = parsed;
    // PostgreSQL writes `at` as a JSON timestamp without a zone suffix on some settings: normalise it.
    event.at = new Date(event.at).toISOString();
    for (const listener of this.listeners.get(workspaceId ?? '') ?? []) listener(event);
  }
}
