import type { RfmSegment } from '@chorus/contract';

/** Names the segment of recency/frequency scores (1-5, 5 best), first match wins. */
export function rfmSegment(recency: number, frequency: number): RfmSegment {
  if (recency >= 4 && frequency >= 4) return 'champions';
  if (recency >= 4 && frequency <= 1) return 'new_customer';
  if (recency >= 3 && frequency >= 3) return 'loyal';
  if (recency >= 4) return 'potential_loyalist';
  if (recency <= 2 && frequency >= 3) return 'at_risk';
  if (recency <= 2) return 'hibernating';
  return 'needs_attention';
}
