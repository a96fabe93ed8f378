/**
 * What the visual regression suite photographs: which stories, at which width, in which theme and
 * direction. The full cross product (2 widths × 2 themes × 2 directions × every story) would take
 * CI minutes it does not have; these cover each dimension for every story, and the composed pages,
 * where the elements' layouts meet, at both widths with both theme-and-direction pairs.
 */

/**
 * The instant the suite's world stands at: the demo seed is made relative to it (whole days, see
 * `seedDemo`) and the page's `Date` starts there for every story, so "3 days ago", due dates, metric
 * periods and sparklines read the same on every day the suite runs. In the past: a session token the
 * API mints by the real clock is then never seen as expired.
 */
export const VISUAL_NOW = new Date('2026-06-15T10:30:00Z');

export interface VisualVariant {
  /** Also the folder of its baselines: `visual/baselines/<name>/<story id>.png`. */
  name: string;
  /** The toolbar's `phone` (375 × 812, see `.storybook/preview.ts`) or `desktop` (1280 × 1024). */
  viewport: { width: number; height: number };
  theme: 'light' | 'dark';
  /** en-US is left to right, ar-EG right to left (the preview sets the page's `dir` from it). */
  locale: 'en-US' | 'ar-EG';
  /** Only the stories whose title starts so; every story shown in the sidebar if absent. */
  titlePrefix?: string;
}

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 1024 };

export const VARIANTS: readonly VisualVariant[] = [
  { name: '1280-light-ltr', viewport: DESKTOP, theme: 'light', locale: 'en-US' },
  { name: '375-dark-rtl', viewport: PHONE, theme: 'dark', locale: 'ar-EG' },
  { name: '375-light-ltr', viewport: PHONE, theme: 'light', locale: 'en-US', titlePrefix: 'Pages/' },
  { name: '1280-dark-rtl', viewport: DESKTOP, theme: 'dark', locale: 'ar-EG', titlePrefix: 'Pages/' },
];
