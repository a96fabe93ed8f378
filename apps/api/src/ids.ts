import { ID_PREFIXES, type IdKind } from '@chorus/contract';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new id: the kind's prefix, 9 characters of time (so ids sort roughly by creation, which keeps
 * cursor pages in insertion order) and 11 random ones.
 */
export function newId(kind: IdKind, now = Date.now(), random: () => number = Math.random): string {
  const time = now.toString(36).padStart(9, '0').slice(-9);
  let tail = '';
  for (let i = 0; i < 11; i++) tail += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${ID_PREFIXES[kind]}_${time}${tail}`;
}
