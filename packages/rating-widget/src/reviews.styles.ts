import { css } from 'lit';

/** One review per row, a readable measure for the text; the badge is outlined, not a colour alone. */
export const reviewsStyles = css`ul{list-style:none;margin:0;padding:0;max-width:40em}li{padding:calc(var(--_s)*3) 0;border-top:1px solid var(--_bd)}li:first-child{border-top:0}.meta{display:flex;flex-wrap:wrap;align-items:center;gap:calc(var(--_s)*2)}.stars{font-size:1.15em}time{color:var(--_mu)}.badge{border:1px solid var(--_bd);border-radius:999px;padding:0 calc(var(--_s)*2);font-size:.9em}p{margin:var(--_s) 0 0;white-space:pre-line;overflow-wrap:anywhere}button{margin-top:calc(var(--_s)*2);min-height:24px}`;
