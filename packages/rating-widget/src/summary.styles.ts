import { css } from 'lit';

/** The distribution keeps a readable width (bars of a few centimetres), however wide the page is. */
export const summaryStyles = css`.avg{font-size:1.5em;font-weight:700}.stars{font-size:1.25em}p{margin:0}ul{list-style:none;margin:var(--_space) 0 0;padding:0;max-width:20em}li{display:grid;grid-template-columns:6em 1fr 3em;gap:var(--_space);align-items:center}meter{width:100%;min-width:5em}meter::-webkit-meter-optimum-value{background:var(--_star)}:host([variant=compact]) .avg{font-size:1em}`;
