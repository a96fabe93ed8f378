import { css } from 'lit';

/** Star rows: outlines, filled by quarters with a clipped gradient. */
export const starStyles = css`.stars{white-space:nowrap;letter-spacing:.1em}.s{color:#0000;-webkit-text-stroke:1px var(--_star)}.f4{color:var(--_star)}.f1,.f2,.f3{background:linear-gradient(90deg,var(--_star) var(--p),#0000 0);-webkit-background-clip:text;background-clip:text}.f1{--p:25%}.f2{--p:50%}.f3{--p:75%}`;
