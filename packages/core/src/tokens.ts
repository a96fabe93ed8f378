import { css } from 'lit';

/**
 * The global design tokens. Each `--chorus-*` custom property can be set by the page on any ancestor;
 * when it is not, the default below applies, with a light and a dark value chosen by `color-scheme`
 * (the OS setting, a provider's `theme`, or the element's own `theme`). Elements read the private
 * `--_*` copies, so they never set a public token themselves.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_surface: var(--chorus-color-surface, light-dark(#ffffff, #16191d));
    --_surface-raised: var(--chorus-color-surface-raised, light-dark(#f6f7f9, #1f2329));
    --_text: var(--chorus-color-text, light-dark(#1b1f24, #e8eaed));
    --_text-muted: var(--chorus-color-text-muted, light-dark(#57606a, #a3acb7));
    --_border: var(--chorus-color-border, light-dark(#d0d7de, #3a4049));
    --_accent: var(--chorus-color-accent, light-dark(#5b3fd1, #a897ff));
    --_accent-text: var(--chorus-color-accent-text, light-dark(#ffffff, #16191d));
    --_positive: var(--chorus-color-positive, light-dark(#1a7f37, #4ac26b));
    --_negative: var(--chorus-color-negative, light-dark(#cf222e, #ff7b72));
    --_warning: var(--chorus-color-warning, light-dark(#9a6700, #d29922));
    --_lead-bg: var(--chorus-color-lead-background, light-dark(#ddf4ff, #0c2d6b));
    --_lead-text: var(--chorus-color-lead-text, light-dark(#0a3069, #cae8ff));
    --_customer-bg: var(--chorus-color-customer-background, light-dark(#dafbe1, #0f3d1f));
    --_customer-text: var(--chorus-color-customer-text, light-dark(#116329, #aff5b4));
    --_churned-bg: var(--chorus-color-churned-background, light-dark(#eaeef2, #30363d));
    --_churned-text: var(--chorus-color-churned-text, light-dark(#424a53, #d0d7de));
    --_font: var(--chorus-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--chorus-font-size, 0.875rem);
    --_radius: var(--chorus-radius, 8px);
    --_space: var(--chorus-space, 4px);
    --_focus: var(--chorus-focus-ring, 2px solid var(--_accent));
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_text);
  }
  :host(:state(light)) {
    color-scheme: light;
  }
  :host(:state(dark)) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
`;

/** Focus, skeleton, error and visually-hidden styles every element shares. */
export const sharedStyles = css`
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-raised) 25%, var(--_border) 50%, var(--_surface-raised) 75%);
    background-size: 200% 100%;
    animation: chorus-shimmer 1.4s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  @keyframes chorus-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  .problem {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    color: var(--_negative);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
    min-height: 24px;
    min-width: 24px;
    cursor: pointer;
  }
  .button {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space) calc(var(--_space) * 3);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
`;

/**
 * The fields of an element's small forms (edit a deal, log a note, schedule a task): one look for
 * `input`, `select` and `textarea`, an invalid field's border and a refusal in the negative colour.
 * Not in `sharedStyles`, so an element without a form does not carry it; the element lays out its
 * own `form` and status line.
 */
export const formStyles = css`
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    /* A text area of two rows is taller anyway: the floor is for one-line fields. */
    min-block-size: 28px;
  }
  [aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .field-error,
  .status.refused {
    color: var(--_negative);
  }
`;
