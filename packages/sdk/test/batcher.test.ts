import { describe, expect, it } from 'vitest';
import { ChorusNotFoundError, createChorusClient } from '../src/index.js';
import { createChorusQueries } from '../src/query/index.js';
import { recordingFetch } from './support/recording-fetch.js';

function contactsApi(known: (id: string) => boolean = () => true) {
  return recordingFetch((request) => {
    const ids = new URL(request.url).searchParams.get('ids')?.split(',') ?? [];
    return Response.json({ data: ids.filter(known).map((id) => ({ id })), nextCursor: null });
  });
}

describe('detail batching', () => {
  it('folds the reads of one tick into one request and gives each caller its own record', async () => {
    const { fetch, requests } = contactsApi();
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    const ids = Array.from({ length: 60 }, (_, index) => `con_${index}`);

    const contacts = await Promise.all(ids.map((id) => queries.contacts.detail(id).queryFn({} as never)));

    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!.url).searchParams.get('ids')).toBe(ids.join(','));
    expect(contacts.map((contact) => contact.id)).toEqual(ids);
  });

  it('asks once for an id read many times', async () => {
    const { fetch, requests } = contactsApi();
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    const contacts = await Promise.all(
      Array.from({ length: 100 }, () => queries.contacts.detail('con_same').queryFn({} as never)),
    );
    expect(contacts.every((contact) => contact.id === 'con_same')).toBe(true);
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!.url).searchParams.get('ids')).toBe('con_same');
  });

  it('splits more than 100 ids into chunks of at most 100', async () => {
    const { fetch, requests } = contactsApi();
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    await Promise.all(
      Array.from({ length: 250 }, (_, index) =>
        queries.companies.detail(`com_${index}`).queryFn({} as never),
      ),
    );
    expect(
      requests.map((request) => new URL(request.url).searchParams.get('ids')!.split(',').length),
    ).toEqual([100, 100, 50]);
    expect(requests.every((request) => new URL(request.url).pathname === '/v1/companies')).toBe(true);
  });

  it('rejects only the callers of a missing id, with ChorusNotFoundError', async () => {
    const { fetch } = contactsApi((id) => id !== 'con_gone');
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    const results = await Promise.allSettled(
      ['con_a', 'con_gone', 'con_b', 'con_gone'].map((id) =>
        queries.contacts.detail(id).queryFn({} as never),
      ),
    );
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    const failure = results[1] as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(ChorusNotFoundError);
    expect(failure.reason).toMatchObject({ status: 404, detail: expect.stringContaining('con_gone') });
  });

  it('rejects every caller of a batch whose request failed', async () => {
    const { fetch } = recordingFetch(() =>
      Response.json({ type: '/problems/x', title: 'Down', status: 500 }, { status: 500 }),
    );
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch, maxRetries: 0 }),
    );
    const results = await Promise.allSettled(
      ['con_a', 'con_b'].map((id) => queries.contacts.detail(id).queryFn({} as never)),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('starts a new batch for reads issued after the previous one went out', async () => {
    const { fetch, requests } = contactsApi();
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    await queries.contacts.detail('con_a').queryFn({} as never);
    await queries.contacts.detail('con_b').queryFn({} as never);
    expect(requests).toHaveLength(2);
  });
});
