import { css } from 'lit';

export const metricsGridStyles = css`
  /*
   * The container type (the tile columns below follow the grid's width) gives the host no content
   * width: in a flex row or an auto grid column it would collapse to 0. So it asks there for the
   * width of three tiles side by side, and gives way down to one tile's before overflowing.
   */
  :host {
    display: block;
    container-type: inline-size;
    contain-intrinsic-inline-size: 46rem;
    min-inline-size: min(12rem, 100%);
  }
  .grid {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
  }
  .heading {
    font-size: 1rem;
    font-weight: 650;
  }
  .switchers,
  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
  }
  .range-error {
    color: var(--_negative);
    flex-basis: 100%;
  }
  .switcher {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    color: var(--_text-muted);
  }
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    min-block-size: 32px;
    padding: 0 calc(var(--_space) * 2);
  }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--chorus-metrics-grid-gap, 12px);
    grid-template-columns: minmax(0, 1fr);
  }
  /* A grid of one, so the tile stretches to its row's height: as a block it kept its own height, and
     tiles in a row ended wherever their content did. */
  .tiles > li {
    display: grid;
    min-inline-size: 0;
  }
  @container (min-width: 30rem) {
    .tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 46rem) {
    .tiles {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (min-width: 62rem) {
    .tiles {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  p {
    margin: 0;
  }
`;
