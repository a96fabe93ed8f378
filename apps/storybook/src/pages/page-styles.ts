import { css } from 'lit';

/** The demo pages' layout: sections on the Chorus tokens, so they follow the theme toolbar. */
export const pageStyles = css`
  :host {
    display: grid;
    gap: calc(var(--_space) * 4);
    color: var(--_text);
    font-family: var(--_font);
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1rem;
  }
  section {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3);
  }
  .columns {
    display: grid;
    gap: calc(var(--_space) * 4);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    align-items: start;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    text-align: start;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_text-muted);
  }
  .error {
    color: var(--_negative);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  blockquote {
    margin: 0.25rem 0 0;
  }
`;
