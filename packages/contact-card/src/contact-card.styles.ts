import { formStyles } from '@chorus/core';
import { css } from 'lit';

/** Core's form fields (the edit form and the quick actions), then the card's own layout. */
export const contactCardStyles = css`
  ${formStyles}
  /*
   * The container type (for the narrow layout below) gives the host no content width: in a flex row
   * or an auto grid column it would collapse to 0. So it asks for 22rem there, and gives way down
   * to 12rem (or its container's width) before overflowing. In a block it fills the line as before.
   */
  :host {
    display: block;
    container-type: inline-size;
    contain-intrinsic-inline-size: 22rem;
    min-inline-size: min(12rem, 100%);
    max-width: var(--chorus-contact-card-max-width, 28rem);
  }
  .card {
    box-sizing: border-box;
    background: var(--chorus-contact-card-background, var(--_surface));
    border: 1px solid var(--chorus-contact-card-border-color, var(--_border));
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 4);
    display: grid;
    gap: calc(var(--_space) * 3);
    min-width: 0;
  }
  header {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: calc(var(--_space) * 3);
  }
  .avatar {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 600;
    background: light-dark(hsl(var(--_hue) 70% 90%), hsl(var(--_hue) 45% 28%));
    color: light-dark(hsl(var(--_hue) 60% 22%), hsl(var(--_hue) 80% 92%));
  }
  h2 {
    margin: 0;
    font-size: 1em;
    line-height: 1.3;
  }
  .name {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    font-size: 1.05em;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    border-radius: 2px;
  }
  .name:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .name:hover {
    text-decoration: underline;
  }
  .subtitle {
    margin: 0;
    color: var(--_text-muted);
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  .badge {
    border-radius: 999px;
    padding: 2px calc(var(--_space) * 2.5);
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
    border: 1px solid transparent;
  }
  .badge.lead {
    background: var(--_lead-bg);
    color: var(--_lead-text);
    border-style: dashed;
    border-color: var(--_lead-text);
  }
  .badge.customer {
    background: var(--_customer-bg);
    color: var(--_customer-text);
  }
  .badge.churned {
    background: var(--_churned-bg);
    color: var(--_churned-text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .actions a {
    color: var(--_accent);
    min-height: 24px;
    display: inline-flex;
    align-items: center;
    overflow-wrap: anywhere;
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_space) calc(var(--_space) * 3);
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tags li {
    background: var(--_surface-raised);
    border-radius: 4px;
    padding: 0 var(--_space);
  }
  section h3 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 0.9em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_text-muted);
  }
  .activities {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .activities li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 calc(var(--_space) * 2);
  }
  .activities .kind {
    font-weight: 600;
  }
  .activities time {
    grid-column: 2;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  label {
    display: grid;
    gap: 2px;
    color: var(--_text-muted);
  }
  .row {
    display: flex;
    gap: calc(var(--_space) * 2);
    flex-wrap: wrap;
  }
  .status {
    margin: 0;
    min-height: 1.2em;
  }
  h4 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 0.92em;
  }
  .links {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .link {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    min-block-size: 24px;
    overflow-wrap: anywhere;
  }
  .link:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .skeleton.line {
    height: 0.9em;
  }
  .w40 {
    width: 40%;
    margin-top: 6px;
  }
  .w60 {
    width: 60%;
  }
  .w80 {
    width: 80%;
  }
  :host([variant='compact']) .card {
    padding: calc(var(--_space) * 3);
    gap: calc(var(--_space) * 2);
  }
  @container (max-width: 16rem) {
    header {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .badge {
      grid-column: 1 / -1;
      justify-self: start;
    }
  }
`;
