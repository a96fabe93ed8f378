import { css } from 'lit';

export const pipelineBoardStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  :host([hidden]) {
    display: none;
  }
  .board {
    display: grid;
    gap: calc(var(--_space) * 3);
    min-inline-size: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
    align-items: end;
  }
  .toolbar label {
    display: grid;
    gap: var(--_space);
    color: var(--_text-muted);
  }
  .toolbar input,
  .toolbar select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    /* One height for every control: a number input is taller than a select by default. */
    box-sizing: border-box;
    block-size: 34px;
    padding: 0 calc(var(--_space) * 2);
    inline-size: 11em;
  }
  .toolbar input[type='number'] {
    inline-size: 8em;
  }
  .total {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
    align-items: baseline;
    margin: 0;
  }
  .total-label {
    font-weight: 650;
  }
  .money {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .muted {
    color: var(--_text-muted);
  }
  .problem:empty {
    display: none;
  }
  .notice {
    margin: 0;
    color: var(--_text-muted);
  }
  .columns {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(var(--chorus-pipeline-board-column-width, 248px), 1fr);
    /* Header, cards, "loading more": each column takes these rows from here (subgrid), so every
       header ends at the same height when one column's figures wrap. */
    grid-template-rows: auto 1fr auto;
    column-gap: calc(var(--_space) * 3);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    padding-block-end: calc(var(--_space) * 2);
  }
  .column {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .toast {
    position: sticky;
    inset-block-end: calc(var(--_space) * 3);
    z-index: 4;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 3);
    inline-size: fit-content;
    max-inline-size: 100%;
    box-sizing: border-box;
    margin: calc(var(--_space) * 2) auto 0;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    background: var(--_text);
    color: var(--_surface);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }
  .toast .button {
    color: inherit;
    background: transparent;
    border-color: currentColor;
  }
  .columns > .column {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
  }
  .lanes {
    display: grid;
    gap: calc(var(--_space) * 3);
    min-inline-size: 0;
  }
  .zones {
    position: sticky;
    inset-block-end: 0;
    z-index: 3;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: calc(var(--_space) * 3);
  }
  .zone {
    min-block-size: 64px;
    padding: calc(var(--_space) * 3);
    border-style: dashed;
    border-width: 2px;
    justify-content: center;
  }
  .zone[data-kind='won'] {
    border-color: var(--_positive);
  }
  .zone[data-kind='lost'] {
    border-color: var(--_negative);
  }
  .zone .cards {
    block-size: auto;
    overflow: visible;
  }
  .column.drop-target {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }
  .header {
    position: sticky;
    inset-block-start: 0;
    /* Sticky makes the header a stacking context: lifted, its definition paints over the cards below. */
    z-index: 1;
    padding: calc(var(--_space) * 3);
    border-block-end: 1px solid var(--_border);
  }
  .name-row {
    position: relative;
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: center;
  }
  .name {
    margin: 0;
    font-size: 1em;
    font-weight: 650;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .about {
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50%;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text-muted);
    font: inherit;
    line-height: 1;
    cursor: help;
  }
  .definition {
    display: none;
    position: absolute;
    inset-block-start: calc(100% + var(--_space));
    inset-inline: 0;
    z-index: 2;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .about:hover + .definition,
  .about:focus-visible + .definition {
    display: block;
  }
  .about + .definition.dismissed {
    display: none;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
    margin: var(--_space) 0 0;
    font-size: 0.92em;
  }
  .cards {
    block-size: var(--chorus-pipeline-board-column-height, min(64vh, 640px));
    overflow: auto;
  }
  .empty {
    margin: 0;
    padding: calc(var(--_space) * 4) calc(var(--_space) * 3);
    color: var(--_text-muted);
    min-block-size: 80px;
  }
  .slot {
    inline-size: 100%;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    box-sizing: border-box;
  }
  .card {
    display: grid;
    gap: var(--_space);
    inline-size: 100%;
    text-align: start;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    cursor: grab;
  }
  .card.stale {
    border-inline-start: 4px solid var(--chorus-pipeline-board-stale-color, var(--_warning));
  }
  /* Moved here by someone else a moment ago: an outline, not a tint, so every text on the card keeps its contrast. */
  .card.marked {
    outline: 2px dashed var(--_accent);
    outline-offset: 2px;
  }
  .card.carried {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.2);
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .company,
  .owner,
  .age {
    color: var(--_text-muted);
    font-size: 0.92em;
  }
  .meta,
  .age {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .next {
    font-size: 0.92em;
    overflow-wrap: anywhere;
  }
  .next.overdue {
    color: var(--chorus-pipeline-board-overdue-color, var(--_warning));
    font-weight: 650;
  }
  .owner {
    display: inline-flex;
    align-items: center;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50%;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    color: var(--_text);
    font-size: 0.75em;
    font-weight: 650;
  }
  .badge {
    color: var(--chorus-pipeline-board-stale-color, var(--_warning));
    font-weight: 650;
  }
  .dialog {
    max-inline-size: min(32rem, calc(100vw - 32px));
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 5);
  }
  .dialog form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .dialog h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .dialog textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: calc(var(--_space) * 2);
  }
  .add {
    margin-inline-start: auto;
    cursor: pointer;
  }
  .dialog input:not([type='radio']) {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    min-block-size: 32px;
    padding: 0 calc(var(--_space) * 2);
  }
  .dialog [aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .field-error {
    color: var(--_negative);
  }
  .field-error:empty {
    display: none;
  }
  .find {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
  }
  .choices {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  .choice {
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: center;
    min-block-size: 24px;
  }
  .dialog p {
    margin: 0;
  }
  .actions {
    display: flex;
    justify-content: end;
    gap: calc(var(--_space) * 2);
  }
  .header-skeleton {
    block-size: 48px;
    margin: calc(var(--_space) * 3);
  }
  .card-skeleton {
    block-size: 72px;
    margin: calc(var(--_space) * 2) calc(var(--_space) * 3);
  }
`;
