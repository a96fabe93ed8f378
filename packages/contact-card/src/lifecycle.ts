import { LIFECYCLE_STAGES } from '@chorus/contract/enums';
import type { Contact } from '@chorus/sdk';

export type LifecycleStage = Contact['lifecycleStage'];

/** Every stage, in the order a contact moves through them: the contract's own list (no zod, no hono). */
export { LIFECYCLE_STAGES };

/** Leads and customers must never look alike: each stage belongs to one of three groups. */
export type StageGroup = 'lead' | 'customer' | 'churned';

export function stageGroup(stage: LifecycleStage): StageGroup {
  if (stage === 'customer' || stage === 'evangelist') return 'customer';
  if (stage === 'churned') return 'churned';
  return 'lead';
}

/**
 * The stages a contact may be moved to by hand: the server refuses a customer (or former customer)
 * going back to a lead stage, so the editor does not offer it.
 */
export function allowedStages(current: LifecycleStage): LifecycleStage[] {
  if (stageGroup(current) === 'lead') return [...LIFECYCLE_STAGES];
  return LIFECYCLE_STAGES.filter((stage) => stageGroup(stage) !== 'lead');
}

/** Up to two initials, by user-perceived character, so "Ábel Øst" and emoji names stay whole. */
export function initials(firstName: string, lastName: string): string {
  const first = (name: string) => {
    const trimmed = name.trim();
    if (!trimmed) return '';
    const [grapheme] = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(trimmed);
    return grapheme?.segment ?? '';
  };
  return (first(firstName) + first(lastName)).toLocaleUpperCase() || '?';
}

/** A stable hue per contact, so one person keeps one avatar colour everywhere. */
export function avatarHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}
