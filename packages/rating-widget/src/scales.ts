import { RATING_SCALE_RANGE, RATING_SCALES, type RatingScale } from '@chorus/contract/enums';

export { RATING_SCALES, type RatingScale };

/** A scale attribute the page may have mistyped: anything else is a configuration error. */
export const isScale = (value: unknown): value is RatingScale => RATING_SCALES.includes(value as RatingScale);

/** Every score of a scale, lowest first (1-5, or 0-10 for nps10). */
export function scoresOf(scale: RatingScale): number[] {
  const { min, max } = RATING_SCALE_RANGE[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export const maxOf = (scale: RatingScale): number => RATING_SCALE_RANGE[scale].max;
