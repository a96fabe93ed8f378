import { css } from 'lit';

/** One review per row, a readable measure for the text; the badge is outlined, not a colour alone. */
export const reviewsStyles = css`ul{list-style:none;margin:0;padding:0;max-width:40em}li{padding:calc(var(--_space)*3) 0;border-top:1px solid var(--_border)}li:first-child{border-top:0}.meta{display:flex;flex-wrap:wrap;align-items:center;gap:calc(var(--_space)*2)}.stars{font-size:1.15em}time{color:var(--_text-muted)}.badge{border:1px solid var(--_border);border-radius:999px;padding:0 calc(var(--_space)*2);font-size:.9em}p{margin:var(--_space) 0 0;white-space:pre-line;overflow-wrap:anywhere}button{margin-top:calc(var(--_space)*2);min-height:24px}`;
