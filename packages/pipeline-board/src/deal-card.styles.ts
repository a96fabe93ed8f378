import { formStyles } from '@chorus/core';
import { css } from 'lit';

/** Core's form fields (the edit form), then the card's own layout. */
export const dealCardStyles = css`
  ${formStyles}
  :host {
    display: block;
    max-inline-size: var(--chorus-deal-card-max-width, 32rem);
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    box-sizing: border-box;
    display: grid;
    gap: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 4);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  header,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    justify-content: space-between;
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 0.9em;
    color: var(--_text-muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_space) calc(var(--_space) * 3);
  }
  dt,
  .muted,
  .definition,
  time {
    color: var(--_text-muted);
  }
  dd,
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .money {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .definition {
    font-size: 0.92em;
  }
  .link {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    min-block-size: 24px;
    text-decoration: underline;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .list li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
  }
  .kind {
    font-weight: 600;
  }
  .overdue {
    color: var(--chorus-deal-card-overdue-color, var(--_warning));
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  .field-error:empty,
  .status:empty {
    display: none;
  }
  .skeleton.line {
    block-size: 0.9em;
  }
  .w60 {
    inline-size: 60%;
  }
  .w80 {
    inline-size: 80%;
  }
`;
