import { css } from 'lit';

/** What the funnel and the campaign table share: the frame, the toolbar and its fields, the tables. */
export const marketingStyles = css`
  :host {
    display: block;
  }
  .frame {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
  }
  .heading {
    font-size: 1rem;
    font-weight: 650;
    margin-inline-end: auto;
  }
  .switcher {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    color: var(--_text-muted);
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    min-block-size: 32px;
    padding: 0 calc(var(--_space) * 2);
    max-inline-size: 16rem;
  }
  input[type='checkbox'] {
    inline-size: 18px;
    block-size: 18px;
    margin: 3px;
    accent-color: var(--_accent);
  }
  .muted {
    color: var(--_text-muted);
  }
  p {
    margin: 0;
  }
  .table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    color: var(--_text-muted);
    padding-block-end: calc(var(--_space) * 2);
  }
  th,
  td {
    text-align: end;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-block-end: 1px solid var(--_border);
  }
  th:first-child {
    text-align: start;
  }
  thead th {
    color: var(--_text-muted);
    font-weight: 600;
    vertical-align: bottom;
  }
  .link {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
    min-block-size: 24px;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .link:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .empty {
    color: var(--_text-muted);
    padding: calc(var(--_space) * 4) 0;
  }
`;
