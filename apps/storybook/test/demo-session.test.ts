import { startTestApi, type TestApi } from '@chorus/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSessions } from '../src/demo-session.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** What the browser does for the Storybook page: the demo API answers only its allowed origins. */
const fromStorybookPage = (url: string, init: RequestInit) =>
  fetch(url, { ...init, headers: { Origin: 'http://localhost:6006' } });

const sessionRequests = () => api.requests.filter((request) => request.path === '/demo/session').length;

async function isAccepted(token: string): Promise<boolean> {
  const response = await fetch(`${api.url}/v1/contacts?limit=1`, {
    headers: { Authorization: `Bearer ${token}`, Origin: 'http://localhost:6006' },
  });
  return response.ok;
}

describe('demo session tokens', () => {
  it('shares one token between providers and replaces it when a client asks again after a 401', async () => {
    api.resetRequestLog();
    const sessions = new DemoSessions(api.url, fromStorybookPage);
    const first = sessions.tokenGetter();
    const second = sessions.tokenGetter();

    const token = await first();
    await expect(second()).resolves.toBe(token);
    expect(sessionRequests()).toBe(1);
    expect(await isAccepted(token)).toBe(true);

    // The SDK asks again only when the API refused the token: a new one is fetched.
    const renewed = await first();
    expect(renewed).not.toBe(token);
    expect(sessionRequests()).toBe(2);
    expect(await isAccepted(renewed)).toBe(true);

    // Another provider asking again after the same refusal gets the new token without a request.
    await expect(second()).resolves.toBe(renewed);
    expect(sessionRequests()).toBe(2);
  });

  it('asks again after a failed fetch instead of keeping the failure', async () => {
    let fail = true;
    const flaky = (url: string, init: RequestInit) =>
      fail ? Promise.reject(new TypeError('Failed to fetch')) : fromStorybookPage(url, init);
    const getToken = new DemoSessions(api.url, flaky).tokenGetter();
    await expect(getToken()).rejects.toThrow('Failed to fetch');
    fail = false;
    expect(await isAccepted(await getToken())).toBe(true);
  });

  it('says what went wrong when the API refuses the page', async () => {
    const elsewhere = (url: string, init: RequestInit) =>
      fetch(url, { ...init, headers: { Origin: 'https://evil.example' } });
    const getToken = new DemoSessions(api.url, elsewhere).tokenGetter();
    await expect(getToken()).rejects.toThrow(/answered 403/);
  });
});
