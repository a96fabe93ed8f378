/**
 * Signed contact references: how an embedding site's server tells the public rating endpoint which
 * customer a visitor is, without the page ever holding a key. The one implementation of the format,
 * shared by the API (which checks references) and the SDK (which makes them), on Web Crypto so it
 * runs in Node, Deno, Bun and workers alike.
 *
 * Format: `<contactId>.<expires, Unix seconds>.<signature>`, the signature being HMAC-SHA256 over
 * `<contactId>.<expires>`, base64url without padding, keyed with the hex SHA-256 of one of the
 * workspace's secret keys. The API stores only that hash of each key, so it can check a signature
 * without holding a secret.
 */

const encoder = new TextEncoder();

/** The hex SHA-256 of a secret key: the HMAC key of its references (and what the API stores). */
export async function secretKeyHash(secretKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(secretKey));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The reference for `contactId`, valid until `expiresAt` (Unix seconds), signed with a key's hash. */
export async function signContactReference(
  keyHash: string,
  contactId: string,
  expiresAt: number,
): Promise<string> {
  const payload = `${contactId}.${expiresAt}`;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(keyHash),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `${payload}.${base64url(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)))}`;
}

export interface ContactReferenceOptions {
  /** How long the page may use it; an hour by default. A rating sent after expiry is kept anonymous. */
  ttlSeconds?: number;
  /** The current time in ms, for tests. */
  now?: number;
}

/**
 * On your server: the `contact` attribute for `<chorus-rating>` that ties the visitor's rating to
 * their contact record. Never call it in a browser: it needs a secret key.
 *
 * ```ts
 * const contact = await contactReference(process.env.CHORUS_SECRET_KEY, customer.chorusContactId);
 * ```
 */
export async function contactReference(
  secretKey: string | undefined,
  contactId: string,
  { ttlSeconds = 3600, now = Date.now() }: ContactReferenceOptions = {},
): Promise<string> {
  // An unset environment variable would otherwise sign with the hash of "undefined", and every
  // rating would be stored anonymously without a word.
  if (!secretKey?.startsWith('sk_')) {
    throw new TypeError(
      `contactReference needs a secret key (sk_…), got ${secretKey ? 'another kind of key' : String(secretKey)}`,
    );
  }
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  return signContactReference(await secretKeyHash(secretKey), contactId, expiresAt);
}
