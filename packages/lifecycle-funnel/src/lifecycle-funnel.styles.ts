import { css } from 'lit';
import { marketingStyles } from './shared.styles.js';

export const lifecycleFunnelStyles = [
  marketingStyles,
  css`
    .stages {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 1);
      /* The stages are laid out by the funnel's own width, not the viewport's: it may sit in a column. */
      container: funnel / inline-size;
    }
    .row {
      display: grid;
      gap: calc(var(--_space) * 1);
      min-inline-size: 0;
    }
    .stage {
      all: unset;
      box-sizing: border-box;
      cursor: pointer;
      display: grid;
      grid-template-columns: minmax(8rem, 12rem) auto 1fr;
      grid-template-areas: 'name count bar' 'name previous bar' 'name returning bar';
      align-items: center;
      column-gap: calc(var(--_space) * 3);
      padding: calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      min-block-size: 44px;
    }
    .stage:hover {
      border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
    }
    .stage:focus-visible {
      outline: var(--_focus);
      outline-offset: 2px;
    }
    .name {
      grid-area: name;
      font-weight: 600;
    }
    .count {
      grid-area: count;
      font-variant-numeric: tabular-nums;
      font-weight: 650;
    }
    .stage .muted {
      grid-area: previous;
      font-size: 0.8125rem;
    }
    .returning {
      grid-area: returning;
      font-size: 0.8125rem;
      color: var(--_customer-text);
    }
    .bar {
      grid-area: bar;
      inline-size: 100%;
      block-size: 20px;
      border-radius: 4px;
      background: var(--_surface-raised);
    }
    .bar rect {
      fill: var(--chorus-lifecycle-funnel-bar-color, var(--_accent));
    }
    /* A bar grows from the start of the line: from the right in a right-to-left language. */
    :host(:dir(rtl)) .bar {
      transform: scaleX(-1);
    }
    .step {
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 3);
      padding-inline-start: calc(var(--_space) * 6);
      font-size: 0.8125rem;
    }
    .step::before {
      content: '↓';
      color: var(--chorus-lifecycle-funnel-previous-color, var(--_text-muted));
    }
    /*
     * Narrow (a phone, a side column): the name and its count on one line, the figures under them and
     * the bar across the whole width below, instead of a stub left over beside an 8rem name column.
     */
    @container funnel (max-width: 30rem) {
      :host(:not([layout='horizontal'])) .stage {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'name count' 'previous previous' 'returning returning' 'bar bar';
        row-gap: var(--_space);
      }
    }
    .stage-skeleton {
      block-size: 44px;
    }
    /* Side by side: each stage a column, its bar rising from the bottom. */
    :host([layout='horizontal']) .stages {
      grid-auto-flow: column;
      grid-auto-columns: minmax(7rem, 1fr);
      overflow-x: auto;
      align-items: stretch;
    }
    :host([layout='horizontal']) .row {
      grid-template-rows: 1fr auto;
    }
    :host([layout='horizontal']) .stage {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'bar' 'name' 'count' 'previous' 'returning';
      align-content: end;
      row-gap: var(--_space);
    }
    :host([layout='horizontal']) .bar {
      block-size: 120px;
    }
    :host([layout='horizontal']) .step::before {
      content: '→';
    }
    :host([layout='horizontal']) .step {
      padding-inline-start: 0;
      flex-direction: column;
    }
    :host(:dir(rtl)[layout='horizontal']) .step::before {
      content: '←';
    }
  `,
];
