/**
 * Malformed requests for every operation of openapi.json: the cases grow with the contract. Each case
 * breaks exactly one thing of an otherwise valid request (the baseline), so the suite also proves the
 * baselines valid (they are sent last, and must succeed).
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  pattern?: string;
  format?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Request {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** A raw body (sent as is) or undefined for none. */
  body?: string;
}

export interface Case {
  operation: string;
  name: string;
  request: Request;
}

export interface Baseline {
  operation: string;
  request: Request;
}

/** Real ids by prefix (`con`, `deal`, …), so a baseline names resources that exist. */
export type Fixtures = Record<string, string>;

/** Bodies the generator cannot guess: a pipeline needs a won and a lost stage. */
const BODY_OVERRIDES: Record<string, unknown> = {
  createPipeline: {
    name: 'Sales',
    stages: [
      { name: 'Won', kind: 'won', probability: 1, definition: 'Signed.' },
      { name: 'Lost', kind: 'lost', probability: 0, definition: 'Said no.' },
    ],
  },
  // A touch names a campaign or a channel (the schema cannot say "one of the two").
  createContactTouch: { source: 'email' },
};

const CONTROL_STRINGS = [
  '\u0000',
  'a\u0000b',
  'a\u0001b',
  'bell\u0007',
  'esc\u001b[31m',
  'del\u007f',
  'nul at end\u0000',
];
const BAD_TIMES = [
  '0000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01',
  'yesterday',
];
const BAD_DATES = ['0000-01-01', '10000-01-01', '2026-02-30', '2026-13-01', '2026-01-01T00:00:00Z', 'soon'];
/** Numbers to try; each is used only where the schema's bounds or integer type refuse it. */
const NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 1.5, -1, 0];
const WRONG_TYPES: Record<string, unknown[]> = {
  string: [12345, true, {}, [], null],
  integer: ['12', 'abc', true, {}, [], null],
  number: ['0.5', true, {}, [], null],
  boolean: ['true', 1, null],
  array: ['x', {}, 1, null],
  object: ['x', [], 1, null],
};

/** Request integers the contract leaves unbounded (each must carry the column's bounds). */
export function unboundedIntegers(document: OpenApiDocument): string[] {
  const found: string[] = [];
  const visit = (schema: Schema | undefined, where: string, seen: Set<Schema>) => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) visit(document.components.schemas[schema.$ref.split('/').pop()!], where, seen);
    for (const s of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
      visit(s, where, seen);
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('integer') && (schema.minimum === undefined || schema.maximum === undefined))
      found.push(where);
    for (const [name, child] of Object.entries(schema.properties ?? {}))
      visit(child, `${where}.${name}`, seen);
    visit(schema.items, `${where}[]`, seen);
  };
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      for (const p of operation.parameters ?? [])
        visit(p.schema, `${operation.operationId} ${p.in} ${p.name}`, new Set());
      visit(
        operation.requestBody?.content['application/json']?.schema,
        `${operation.operationId} body`,
        new Set(),
      );
    }
  }
  return found;
}

export function buildCases(
  document: OpenApiDocument,
  fixtures: Fixtures,
): { cases: Case[]; baselines: Baseline[]; operations: number } {
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]!);
    if (schema.allOf?.length) return resolve(schema.allOf[0]!);
    const nonNull = (schema.anyOf ?? schema.oneOf)?.find((s) => s.type !== 'null');
    if (nonNull) return resolve(nonNull);
    return schema;
  };
  const typeOf = (schema: Schema): string => {
    const s = resolve(schema);
    const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : [s.type];
    return types[0] ?? (s.properties ? 'object' : 'string');
  };
  const sample = (schema: Schema): unknown => {
    const s = resolve(schema);
    if (s.enum) return s.enum[0];
    switch (typeOf(s)) {
      case 'object':
        return Object.fromEntries((s.required ?? []).map((name) => [name, sample(s.properties![name]!)]));
      case 'array':
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items!));
      case 'integer':
      case 'number':
        return typeof s.example === 'number' ? s.example : (s.minimum ?? 1);
      case 'boolean':
        return true;
      default: {
        const prefix = /^\^([a-z]+)_\[/.exec(s.pattern ?? '')?.[1];
        if (prefix && fixtures[prefix]) return fixtures[prefix];
        if (s.format === 'date-time') return '2026-03-14T09:26:53.000Z';
        if (s.format === 'date') return '2026-06-30';
        if (s.format === 'email') return 'someone@example.com';
        return typeof s.example === 'string' ? s.example : 'x';
      }
    }
  };

  /** Bad values for a schema: wrong types, out of range, control characters, huge, bad dates and ids. */
  const badValues = (schema: Schema): [string, unknown][] => {
    const s = resolve(schema);
    const type = typeOf(s);
    const nullable = JSON.stringify(schema).includes('"null"');
    const wrong = (WRONG_TYPES[type] ?? []).filter((v) => !(v === null && nullable));
    const values: [string, unknown][] = wrong.map((v) => [`wrong type ${JSON.stringify(v)}`, v]);
    if (type === 'integer' || type === 'number') {
      if (s.maximum !== undefined) values.push(['above maximum', s.maximum + 1]);
      if (s.minimum !== undefined) values.push(['below minimum', s.minimum - 1]);
      for (const n of NUMBERS) {
        const refused =
          (type === 'integer' && !Number.isInteger(n)) ||
          (s.maximum !== undefined && n > s.maximum) ||
          (s.minimum !== undefined && n < s.minimum);
        if (refused) values.push([`out of range ${n}`, n]);
      }
    }
    if (type === 'string' && !s.enum) {
      for (const c of CONTROL_STRINGS) values.push([`control character ${JSON.stringify(c)}`, c]);
      values.push(['lone surrogate', '\ud800']);
      if (s.maxLength !== undefined) values.push(['one over maxLength', 'a'.repeat(s.maxLength + 1)]);
      if (s.format === 'date-time') for (const t of BAD_TIMES) values.push([`time ${t}`, t]);
      if (s.format === 'date') for (const d of BAD_DATES) values.push([`date ${d}`, d]);
      if (/^\^[a-z]+_\[/.test(s.pattern ?? '')) {
        values.push(['id of another kind', 'xyz_01hx7f3k9q2m5v8w']);
        values.push(['id too long', `${String(sample(s)).split('_')[0]}_${'a'.repeat(41)}`]);
      }
    }
    if (s.enum) values.push(['not in the enum', 'not_a_choice']);
    return values;
  };

  const cases: Case[] = [];
  const baselines: Baseline[] = [];
  let operations = 0;
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations += 1;
      const op = operation.operationId;
      const params = operation.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const headerParams = params.filter((p) => p.in === 'header');
      const fill = (values: Record<string, string>) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
      const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, String(sample(p.schema))]));
      const query = Object.fromEntries(
        queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema))]),
      );
      const headers: Record<string, string> = Object.fromEntries(
        headerParams
          .filter((p) => p.required)
          .map((p) => [p.name, p.name === 'if-match' ? '1' : String(sample(p.schema))]),
      );
      const schema = operation.requestBody?.content['application/json']?.schema;
      const body = schema ? (BODY_OVERRIDES[op] ?? sample(schema)) : undefined;
      const base = (): Request => ({
        method: method.toUpperCase(),
        path: fill(pathValues),
        query: { ...query },
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const add = (name: string, change: (request: Request) => void) => {
        const request = base();
        change(request);
        cases.push({ operation: op, name, request });
      };
      if (method !== 'get') baselines.push({ operation: op, request: base() });

      // Path: malformed and unknown ids.
      for (const p of pathParams) {
        const good = pathValues[p.name]!;
        const prefix = good.split('_')[0];
        for (const [name, value] of [
          ['no id body', `${prefix}_`],
          ['too short', `${prefix}_abc`],
          ['too long', `${prefix}_${'a'.repeat(41)}`],
          ['another kind', 'zzz_01hx7f3k9q2m5v8w'],
          ['control character', `${prefix}_abc\u0000defgh`],
          ['unicode', `${prefix}_ābcdefghij`],
          ['well formed but unknown', `${prefix}_00000000unknown`],
          ['dot segments', '..'],
        ] as const) {
          add(`path ${p.name}: ${name}`, (r) => {
            r.path = fill({ ...pathValues, [p.name]: value });
          });
        }
      }
      // Query: every parameter given a bad value, one at a time.
      for (const p of queryParams) {
        const bad: [string, string][] = [
          ['empty', ''],
          ['control character', 'a\u0000b'],
          ['escape sequence', '\u001b[2J'],
          ['3,000 characters', 'q'.repeat(3000)],
        ];
        const s = resolve(p.schema);
        const type = typeOf(s);
        if (type === 'integer' || type === 'number') {
          bad.push(
            ['not a number', 'abc'],
            ['fraction', '1.5'],
            ['negative', '-1'],
            ['beyond 32 bits', '99999999999'],
          );
        }
        if (s.format === 'date-time') for (const t of BAD_TIMES) bad.push([`time ${t}`, t]);
        if (s.enum) bad.push(['not in the enum', 'not_a_choice']);
        for (const [name, value] of bad) {
          add(`query ${p.name}: ${name}`, (r) => {
            r.query[p.name] = value;
          });
        }
        if (p.required) add(`query ${p.name}: missing`, (r) => delete r.query[p.name]);
      }
      // Headers the contract names.
      for (const p of headerParams) {
        if (p.required) add(`header ${p.name}: missing`, (r) => delete r.headers[p.name]);
        add(`header ${p.name}: too long`, (r) => {
          r.headers[p.name] = 'k'.repeat(300);
        });
        if (p.name === 'idempotency-key') {
          add('header idempotency-key: too short', (r) => {
            r.headers[p.name] = 'short';
          });
        }
        if (p.name === 'if-match') {
          add('header if-match: not a version', (r) => {
            r.headers[p.name] = 'yesterday';
          });
          add('header if-match: stale', (r) => {
            r.headers[p.name] = '999999';
          });
        }
      }
      // Authentication: none, and a malformed one.
      add('no Authorization', (r) => {
        r.headers.authorization = '';
      });
      add('Authorization not a bearer', (r) => {
        r.headers.authorization = 'Basic dXNlcjpwYXNz';
      });
      if (body === undefined) continue;

      // The body as a whole.
      const raw: [string, string | undefined, string][] = [
        ['malformed JSON', '{"a":', 'application/json'],
        ['empty body', '', 'application/json'],
        ['no body', undefined, 'application/json'],
        ['JSON null', 'null', 'application/json'],
        ['JSON array', '[]', 'application/json'],
        ['JSON string', '"hello"', 'application/json'],
        ['JSON number', '42', 'application/json'],
        ['text/plain', JSON.stringify(body), 'text/plain'],
        ['form encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'],
        ['no content type', JSON.stringify(body), ''],
        [
          'over the body limit',
          JSON.stringify({ ...(body as object), pad: 'x'.repeat(70_000) }),
          'application/json',
        ],
        ['deeply nested', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
      ];
      for (const [name, text, type] of raw) {
        add(`body: ${name}`, (r) => {
          if (text === undefined) delete r.body;
          else r.body = text;
          r.headers['content-type'] = type;
        });
      }
      add('body: an extra field', (r) => {
        r.body = JSON.stringify({ ...(body as object), notAField: 1 });
      });

      // Every property, nested ones too: missing when required, then each bad value.
      const walk = (schema: Schema, value: unknown, path: (string | number)[]) => {
        const s = resolve(schema);
        if (typeOf(s) === 'object' && s.properties) {
          for (const [name, child] of Object.entries(s.properties)) {
            const childValue = (value as Record<string, unknown> | undefined)?.[name];
            if (s.required?.includes(name)) {
              add(`body.${[...path, name].join('.')}: missing`, (r) => {
                r.body = JSON.stringify(setAt(body, [...path, name], undefined));
              });
            }
            for (const [label, bad] of badValues(child)) {
              add(`body.${[...path, name].join('.')}: ${label}`, (r) => {
                r.body = JSON.stringify(setAt(body, [...path, name], bad));
              });
            }
            walk(child, childValue ?? sample(child), [...path, name]);
          }
          if (path.length > 0) {
            add(`body.${path.join('.')}: an extra field`, (r) => {
              r.body = JSON.stringify(setAt(body, [...path, 'notAField'], 1));
            });
          }
        } else if (typeOf(s) === 'array' && s.items) {
          const items = Array.isArray(value) && value.length > 0 ? value : [sample(s.items)];
          if (typeOf(s.items) !== 'object') {
            for (const [label, bad] of badValues(s.items)) {
              add(`body.${[...path, 0].join('.')}: ${label}`, (r) => {
                r.body = JSON.stringify(setAt(body, [...path, 0], bad));
              });
            }
          }
          walk(s.items, items[0], [...path, 0]);
        }
      };
      walk(schema!, body, []);
    }
  }
  return { cases, baselines, operations };
}

/** A copy of `root` with the value at `path` replaced (or removed when undefined). */
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
