import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contactReference, secretKeyHash, signContactReference } from '../src/contact-reference.js';

// The format as the contract's description states it, written a second way (node:crypto instead of
// Web Crypto), so the shared implementation is checked against the words, not against itself.
const byTheSpec = (secretKey: string, contactId: string, expires: number) => {
  const payload = `${contactId}.${expires}`;
  const key = createHash('sha256').update(secretKey).digest('hex');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
};

describe('contact references', () => {
  it('hash a secret key to the lower-case hex SHA-256 the API stores', async () => {
    expect(await secretKeyHash('sk_test_abc')).toBe(createHash('sha256').update('sk_test_abc').digest('hex'));
    expect(await secretKeyHash('sk_test_abc')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sign <contactId>.<expires> with HMAC-SHA256, base64url without padding', async () => {
    const contacts = ['con_01hx7f3k9q2m5v8w', 'con_0000000000000000000000', 'con_zzzzzzzzzzzzzzzzzz'];
    const keys = ['sk_test_abc', 'sk_live_ünïcödé', ''];
    for (const secretKey of keys) {
      for (const contactId of contacts) {
        const reference = await signContactReference(await secretKeyHash(secretKey), contactId, 1767225600);
        expect(reference).toBe(byTheSpec(secretKey, contactId, 1767225600));
        expect(reference).not.toMatch(/[+/=]/);
      }
    }
  });

  it('expire an hour from now unless told otherwise', async () => {
    const now = Date.UTC(2026, 10, 29, 12, 0, 0, 750);
    const seconds = Math.floor(now / 1000);
    expect(await contactReference('sk_test_abc', 'con_1', { now })).toBe(
      byTheSpec('sk_test_abc', 'con_1', seconds + 3600),
    );
    expect(await contactReference('sk_test_abc', 'con_1', { now, ttlSeconds: 60 })).toBe(
      byTheSpec('sk_test_abc', 'con_1', seconds + 60),
    );
  });

  it('refuse to sign without a secret key, as an unset environment variable would leave it', async () => {
    for (const key of [undefined, '', 'pk_test_publishable']) {
      await expect(contactReference(key, 'con_1')).rejects.toThrow(TypeError);
    }
  });
});
