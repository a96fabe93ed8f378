import { css } from 'lit';

export const metricTileStyles = css`
  /* As the grid: a container has no content width, so it asks for 14rem in a flex row or auto column. */
  :host {
    display: block;
    container-type: inline-size;
    contain-intrinsic-inline-size: 14rem;
    min-inline-size: 10rem;
    --_tile-accent: transparent;
  }
  :host(:state(warn)) {
    --_tile-accent: var(--_warning);
  }
  :host(:state(critical)) {
    --_tile-accent: var(--_negative);
  }
  .tile {
    position: relative;
    box-sizing: border-box;
    block-size: 100%;
    display: grid;
    /* One column that may shrink below its content, so a long label ellipsizes instead of overflowing. */
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 4);
    background: var(--chorus-metric-tile-background, var(--_surface));
    border: 1px solid var(--chorus-metric-tile-border-color, var(--_border));
    border-radius: var(--_radius);
    box-shadow: inset 0 3px 0 var(--_tile-accent), 0 1px 2px rgb(0 0 0 / 0.04);
    transition: border-color 120ms ease, box-shadow 120ms ease;
  }
  :host(:state(warn)) .tile,
  :host(:state(critical)) .tile {
    border-color: color-mix(in srgb, var(--_tile-accent) 55%, var(--chorus-metric-tile-border-color, var(--_border)));
    background: color-mix(in srgb, var(--_tile-accent) 5%, var(--chorus-metric-tile-background, var(--_surface)));
  }
  .tile:has(.body:hover) {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
  }
  .body {
    all: unset;
    display: block;
    cursor: pointer;
    border-radius: calc(var(--_radius) - 2px);
    min-inline-size: 0;
  }
  .body:focus-visible {
    outline: var(--_focus);
    outline-offset: 4px;
  }
  .figures {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .head {
    min-inline-size: 0;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    padding-inline-end: 28px;
    min-block-size: 24px;
  }
  .label {
    /* Without it a flex item never shrinks below its text, and a long label runs under the ⓘ button. */
    min-inline-size: 0;
    color: var(--_text-muted);
    font-weight: 550;
    font-size: 0.8125rem;
    letter-spacing: 0.01em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .level {
    flex: none;
    font-size: 0.6875rem;
    font-weight: 650;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 1px 6px;
    border-radius: 999px;
    color: var(--_tile-accent);
    border: 1px solid currentColor;
  }
  .value {
    font-size: var(--chorus-metric-tile-value-size, 1.75rem);
    font-weight: 650;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
    overflow-wrap: anywhere;
  }
  .compare {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    font-size: 0.8125rem;
  }
  .muted {
    color: var(--_text-muted);
  }
  .delta {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    padding: 1px 7px;
    border-radius: 999px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_text-muted);
    background: var(--_surface-raised);
  }
  .delta .arrow {
    font-size: 0.625rem;
  }
  /* The tone's colour pulled towards the text colour: it keeps 4.5:1 on its own tint in both schemes. */
  .delta.good {
    color: color-mix(in srgb, var(--_positive) 72%, var(--_text));
    background: color-mix(in srgb, var(--_positive) 11%, transparent);
  }
  .delta.bad {
    color: color-mix(in srgb, var(--_negative) 72%, var(--_text));
    background: color-mix(in srgb, var(--_negative) 10%, transparent);
  }
  .sparkline,
  .spark-empty {
    display: block;
    inline-size: 100%;
    block-size: 32px;
    overflow: visible;
  }
  .sparkline .line {
    fill: none;
    stroke: var(--chorus-metric-tile-sparkline-color, var(--_accent));
    stroke-width: 1.75;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .sparkline .gap {
    fill: none;
    stroke: var(--_text-muted);
    stroke-width: 1;
    stroke-dasharray: 2 3;
    vector-effect: non-scaling-stroke;
  }
  :host(:state(updated)) .value {
    animation: chorus-updated 2.4s ease-out;
  }
  @keyframes chorus-updated {
    from {
      background: color-mix(in srgb, var(--_accent) 25%, transparent);
    }
  }
  .sparkline .area {
    fill: color-mix(in srgb, var(--chorus-metric-tile-sparkline-color, var(--_accent)) 12%, transparent);
    stroke: none;
  }
  .target {
    display: grid;
    gap: 4px;
    font-size: 0.75rem;
    color: var(--_text-muted);
  }
  .target-text {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  .bar {
    display: block;
    block-size: 6px;
    border-radius: 3px;
    background: var(--_surface-raised);
    overflow: hidden;
  }
  .fill {
    display: block;
    /* --_progress (0-1) is set through the CSSOM: a style attribute would break a strict CSP. */
    inline-size: calc(var(--_progress, 0) * 100%);
    block-size: 100%;
    border-radius: 3px;
    background: var(--_accent);
  }
  .target.met .fill {
    background: var(--_positive);
  }
  .info {
    position: absolute;
    inset-block-start: calc(var(--_space) * 3);
    inset-inline-end: calc(var(--_space) * 3);
    display: grid;
    place-items: center;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: transparent;
    color: var(--_text-muted);
  }
  .info:hover,
  .info[aria-expanded='true'] {
    color: var(--_accent);
    background: var(--_surface-raised);
  }
  .definition {
    margin: 0;
    padding-block-start: calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_border);
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .definition[hidden] {
    display: none;
  }
  .skeleton {
    block-size: 1em;
  }
  .sk-label {
    inline-size: 55%;
    block-size: 0.9em;
  }
  .sk-value {
    inline-size: 45%;
    block-size: 1.9rem;
  }
  .sk-compare {
    inline-size: 70%;
  }
  .sk-spark {
    inline-size: 100%;
    block-size: 32px;
  }
  .problem {
    align-content: center;
  }
  @container (max-width: 13rem) {
    .value {
      font-size: calc(var(--chorus-metric-tile-value-size, 1.75rem) * 0.8);
    }
    .sparkline,
    .spark-empty {
      block-size: 24px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .tile {
      transition: none;
    }
    /* Still marked, without the fade. */
    :host(:state(updated)) .value {
      animation: none;
      background: color-mix(in srgb, var(--_accent) 18%, transparent);
    }
  }
`;
