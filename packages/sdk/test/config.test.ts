import { describe, expect, it } from 'vitest';
import { ChorusConfigError, ChorusError, createChorusClient } from '../src/index.js';
import { json, recordingFetch } from './support/recording-fetch.js';

// What `process.env.CHORUS_SECRET_KEY!` is when the variable is not set.
const unsetVariable = undefined as unknown as string;

describe('missing options', () => {
  it('refuses a client without a key at once, naming the option, instead of sending Bearer undefined', () => {
    const { fetch, requests } = recordingFetch(() => json({}));
    const create = () => createChorusClient({ baseUrl: 'https://api.test', apiKey: unsetVariable, fetch });
    expect(create).toThrow(ChorusConfigError);
    expect(create).toThrow(/`apiKey` is undefined: pass a secret key, or getToken/);
    try {
      create();
    } catch (error) {
      expect(error).toBeInstanceOf(ChorusError);
      expect(error).toMatchObject({ kind: 'config', option: 'apiKey', status: 0, name: 'ChorusConfigError' });
    }
    expect(() => createChorusClient({ baseUrl: 'https://api.test', apiKey: '  ', fetch })).toThrow(
      /`apiKey` is empty:/,
    );
    expect(requests).toHaveLength(0);
  });

  it('refuses a missing baseUrl', () => {
    expect(() => createChorusClient({ baseUrl: unsetVariable, apiKey: 'sk_1' })).toThrow(
      expect.objectContaining({
        kind: 'config',
        option: 'baseUrl',
        message: expect.stringContaining('undefined'),
      }),
    );
  });

  it('fails a call whose getToken gives no token before sending it', async () => {
    const { fetch, requests } = recordingFetch(() => json({ id: 'con_1' }));
    const chorus = createChorusClient({ baseUrl: 'https://api.test', getToken: () => '', fetch });
    const error = await chorus.get('/v1/workspace').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusConfigError);
    expect(error).toMatchObject({
      kind: 'config',
      option: 'getToken',
      type: '/problems/config',
      message: '`getToken` is empty: it gave no token',
    });
    expect(requests).toHaveLength(0);
  });
});
