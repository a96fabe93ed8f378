import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoTimestamp } from '../src/db/database.js';
import type { TestApi } from '../src/testing.js';
import { freshWorkspace, testApi } from './support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await testApi();
});

/** What every read printed before `isoTimestamps`: pg's Date, through `toISOString`. */
const viaDate = (text: string) => (pg.types.getTypeParser(1184, 'text')(text) as Date).toISOString();

describe('isoTimestamp: a timestamptz text as toISOString prints it', () => {
  it.each([
    ['2026-11-30 05:59:42.123456+00', '2026-11-30T05:59:42.123Z'],
    ['2026-11-30 05:59:42.999999+00', '2026-11-30T05:59:42.999Z'],
    ['2026-11-30 05:59:42.0009+00', '2026-11-30T05:59:42.000Z'],
    ['2026-11-30 05:59:42.1+00', '2026-11-30T05:59:42.100Z'],
    ['2026-11-30 05:59:42.12+00', '2026-11-30T05:59:42.120Z'],
    ['2026-11-30 05:59:42+00', '2026-11-30T05:59:42.000Z'],
    ['2026-11-30 01:59:42.5-04', '2026-11-30T05:59:42.500Z'],
    ['2026-11-30 02:29:42.25-03:30', '2026-11-30T05:59:42.250Z'],
    ['2026-11-30 11:29:42.000001+05:30', '2026-11-30T05:59:42.000Z'],
    ['2027-01-01 00:59:59.9999+01', '2026-12-31T23:59:59.999Z'],
    ['0999-01-02 03:04:05.006+00', '0999-01-02T03:04:05.006Z'],
    ['0999-01-01 23:33:13.006789-03:30:52', '0999-01-02T03:04:05.006Z'],
    ['0050-06-07 08:09:10.011+00', '0050-06-07T08:09:10.011Z'],
    ['10000-01-01 00:00:00+00', '+010000-01-01T00:00:00.000Z'],
    ['0044-03-15 12:00:00+00 BC', '-000043-03-15T12:00:00.000Z'],
  ])('%s → %s, as a Date would print it', (text, expected) => {
    expect(isoTimestamp(text)).toBe(expected);
    expect(viaDate(text)).toBe(expected);
  });

  it('agrees with the Date for random instants and fractions of every length', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 5_000; i++) {
      const ms = Math.floor(random() * 253_402_300_799_000); // 1970 to 9999
      const micros = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
      const digits = 1 + Math.floor(random() * 6);
      const fraction = micros.slice(0, digits).replace(/0+$/, '');
      const text = `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}${fraction ? `.${fraction}` : ''}+00`;
      expect(isoTimestamp(text)).toBe(viaDate(text));
    }
  });

  it('has no string for infinity or a text it cannot read: it throws, as printing its Date did', () => {
    expect(() => isoTimestamp('infinity')).toThrow(RangeError);
    expect(() => isoTimestamp('-infinity')).toThrow(RangeError);
    // Another DateStyle (never set by the API): no silent epoch.
    expect(() => isoTimestamp('30/11/2026 05:59:42.123456 UTC')).toThrow(RangeError);
  });
});

describe('queries with isoTimestamps', () => {
  const instants = [
    "'2026-11-30 05:59:42.123456+00'",
    "'2026-11-30 05:59:42.999999+00'",
    "'2026-11-30 05:59:42+00'",
    "'0999-01-02 03:04:05.006789+00'",
    "'2026-03-29 01:30:00.5+00'",
    'null',
  ].map((literal) => `${literal}::timestamptz`);
  const sql = `select ${instants.map((value, i) => `${value} as t${i}`).join(', ')}`;
  /** The Dates' prints, where the engine made a valid Date (PGlite cannot parse an offset with seconds). */
  const printed = (row: Record<string, unknown>) =>
    Object.values(row).map((value) =>
      value instanceof Date ? (Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()) : value,
    );

  it('read the same instants as Dates would print, in UTC and in session time zones east and west of it (with pre-1900 offsets in seconds)', async () => {
    for (const zone of ['UTC', 'America/St_Johns', 'Asia/Kolkata']) {
      // The zone is local to the transaction, so no pooled connection keeps it.
      const zoned = [{ text: "select set_config('timezone', $1, true)", params: [zone] }];
      const [asDates, asStrings] = await api.db.transaction(
        async (tx) => [await tx.query(sql), await tx.query(sql, [], { isoTimestamps: true })],
        zoned,
      );
      expect(
        Object.values(asDates![0]!)
          .slice(0, -1)
          .every((value) => value instanceof Date),
      ).toBe(true);
      expect(asStrings![0]).toEqual({
        t0: '2026-11-30T05:59:42.123Z',
        t1: '2026-11-30T05:59:42.999Z',
        t2: '2026-11-30T05:59:42.000Z',
        t3: '0999-01-02T03:04:05.006Z',
        t4: '2026-03-29T01:30:00.500Z',
        t5: null,
      });
      printed(asDates![0]!).forEach((value, i) => {
        if (value !== 'invalid') expect(Object.values(asStrings![0]!)[i]).toBe(value);
      });
    }
  });

  it("a list's contacts and deals carry the same times as each one read alone", async () => {
    const { http, pipeline } = await freshWorkspace(api);
    const contact = await http.post('/v1/contacts', { firstName: 'Ada', tags: ['vip'] });
    const open = await http.post('/v1/deals', {
      title: 'Open',
      value: { amount: 100, currency: 'EUR' },
      pipelineId: pipeline.id,
      contactId: contact.body.id,
    });
    const won = pipeline.stages.find((stage: { kind: string }) => stage.kind === 'won');
    const closed = await http.post('/v1/deals', {
      title: 'Won',
      value: { amount: 250, currency: 'EUR' },
      pipelineId: pipeline.id,
      stageId: won.id,
    });
    const contacts = await http.get('/v1/contacts?limit=50');
    const deals = await http.get(`/v1/deals?pipelineId=${pipeline.id}&limit=50`);
    expect(contacts.body.data).toEqual([(await http.get(`/v1/contacts/${contact.body.id}`)).body]);
    expect(deals.body.data).toEqual([
      (await http.get(`/v1/deals/${open.body.id}`)).body,
      (await http.get(`/v1/deals/${closed.body.id}`)).body,
    ]);
    expect(deals.body.data[1].closedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(deals.body.data[0].closedAt).toBeNull();
  });
});
