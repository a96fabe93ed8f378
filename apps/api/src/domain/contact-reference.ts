import { timingSafeEqual } from 'node:crypto';
import { idPattern } from '@chorus/contract';
import { signContactReference } from '@chorus/contract/contact-reference';
import type { Sql } from '../db/database.js';

/**
 * A known customer vouched for by the embedding site's server (the format is the contract's, see
 * `@chorus/contract/contact-reference`): the API keeps only the hash of each secret key, so it can
 * check the signature without ever holding a secret, and a page (which sees the reference, never
 * the key) cannot forge one.
 *
 * The contact a reference names when it is genuine, unexpired and the contact exists in the
 * workspace; otherwise undefined, and the rating is kept anonymously (a visitor's rating is not lost
 * because a page stayed open past the reference's expiry).
 */
export async function verifyContactReference(
  tx: Sql,
  workspaceId: string,
  reference: string,
  now = Date.now(),
): Promise<string | undefined> {
  const [contactId, expires, signature] = reference.split('.');
  if (!contactId || !expires || !signature || !idPattern('contact').test(contactId)) return undefined;
  if (Number(expires) * 1000 < now) return undefined;
  const keys = await tx.query<{ token_hash: string }>(
    "select token_hash from api_keys where workspace_id = $1 and kind = 'secret' and revoked_at is null",
    [workspaceId],
  );
  const given = Buffer.from(signature);
  const expected = await Promise.all(
    keys.map(async ({ token_hash }) =>
      Buffer.from((await signContactReference(token_hash, contactId, Number(expires))).split('.')[2]!),
    ),
  );
  const genuine = expected.some((bytes) => bytes.length === given.length && timingSafeEqual(bytes, given));
  if (!genuine) return undefined;
  const [contact] = await tx.query<{ id: string }>(
    'select id from contacts where workspace_id = $1 and id = $2',
    [workspaceId, contactId],
  );
  return contact?.id;
}
