import { html } from 'lit';

/**
 * A row of `max` stars filled to `value` (to the nearest quarter), read as one image named `label`
 * ("Rated 4.3 out of 5"). Partial stars are classes, not inline styles: a strict CSP refuses `style`
 * attributes.
 */
export const starRow = (value: number, max: number, label: string) =>
  html`<span class="stars" part="stars" role="img" aria-label=${label}>${Array.from(
    { length: max },
    (_, i) => html`<span class="s f${Math.round(Math.min(Math.max(value - i, 0), 1) * 4)}">★</span>`,
  )}</span>`;
