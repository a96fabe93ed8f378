/**
 * Browser auth for the demo, done the way an embedding app does it: the page never holds a key.
 * The demo API mints a one-hour read/write session token at `POST /demo/session` for pages of the
 * demo workspace's allowed origins (http://localhost:6006 and http://127.0.0.1:6006, plus the test
 * page's origin in a test run); in a real app that endpoint is your own backend.
 */

interface Session {
  token: string;
  expiresAt: number;
}

/** A token is not handed out in its last minute: a request made with it could arrive after it expired. */
const EXPIRY_MARGIN_MS = 60_000;

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

async function fetchSession(apiUrl: string, send: Fetch): Promise<Session> {
  const response = await send(`${apiUrl}/demo/session`, { method: 'POST' });
  if (!response.ok) {
    const detail = await response.text().catch(() => '');
    throw new Error(`POST ${apiUrl}/demo/session answered ${response.status}: ${detail}`);
  }
  const body = (await response.json()) as { token: string; expiresAt: string };
  return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
}

/**
 * The demo's session tokens for one API. One token is shared by every story until shortly before it
 * expires; `tokenGetter()` gives each `<chorus-provider>` its own `getToken`, so that when one SDK
 * client asks again (it does so only after the API answered 401, say because `npm start` was
 * restarted and its in-memory database with it) the refused token is dropped and a new one fetched.
 */
export class DemoSessions {
  private session?: Promise<Session>;
  private settled?: Session;

  constructor(
    readonly apiUrl: string,
    private readonly send: Fetch = (url, init) => fetch(url, init),
  ) {}

  tokenGetter(): () => Promise<string> {
    let handedOut: string | undefined;
    return async () => {
      if (handedOut !== undefined && this.settled?.token === handedOut) this.drop();
      handedOut = (await this.current()).token;
      return handedOut;
    };
  }

  private current(): Promise<Session> {
    if (this.settled && this.settled.expiresAt - EXPIRY_MARGIN_MS <= Date.now()) this.drop();
    if (!this.session) {
      const pending = fetchSession(this.apiUrl, this.send);
      this.session = pending;
      pending.then(
        (session) => {
          if (this.session === pending) this.settled = session;
        },
        () => {
          // A failed fetch must not stick: the next caller asks again.
          if (this.session === pending) this.session = undefined;
        },
      );
    }
    return this.session;
  }

  private drop(): void {
    this.session = undefined;
    this.settled = undefined;
  }
}
