import { validation } from '../errors.js';

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

/** The id a cursor points after; a cursor that is not one of ours is a 400, not a 500. */
export function decodeCursor(cursor: string | undefined, idPattern: RegExp): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!idPattern.test(id)) throw validation('query.cursor', 'is not a cursor this list gave out');
  return id;
}

/** Rows were fetched with limit + 1: the extra row says whether there is a next page. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { data: kept.map(map), nextCursor: more && last ? encode(last.id) : null };
}

/**
 * Builds a parameterised WHERE clause from fixed SQL fragments: values only ever travel as parameters.
 * `$1` is always the workspace id.
 */
export class Where {
  readonly params: unknown[];
  private readonly clauses: string[] = ['workspace_id = $1'];

  constructor(workspaceId: string) {
    this.params = [workspaceId];
  }

  /** Adds `fragment` with `?` standing for the next parameter, when the value is given. */
  add(fragment: string, value: unknown): this {
    if (value === undefined || value === null) return this;
    this.params.push(value);
    this.clauses.push(fragment.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** Adds the keyset condition of a page and returns `where …` plus the `limit` placeholder. */
  page(afterId: string | undefined, direction: 'asc' | 'desc', limit: number): string {
    this.add(direction === 'asc' ? 'id > ?' : 'id < ?', afterId);
    this.params.push(limit + 1);
    return `where ${this.clauses.join(' and ')} order by id ${direction} limit $${this.params.length}`;
  }

  toString(): string {
    return `where ${this.clauses.join(' and ')}`;
  }
}
