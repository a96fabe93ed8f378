import { css } from 'lit';

/**
 * `.scale` is as wide as its boxes (up to the widget's width), so the NPS/CSAT end labels sit under
 * the first and the last box instead of at the far ends of a wide page. A star not chosen is an
 * outline, a chosen one filled. The honeypot is clipped in place (`.vh`), never pushed off to one
 * side: a right-to-left page can scroll to whatever sits far to the left.
 */
export const ratingStyles = css`fieldset{border:0;margin:0;padding:0}legend{font-weight:600;padding:0}.scale{width:fit-content;max-width:100%}.options,.row,.ends{display:flex;flex-wrap:wrap;gap:var(--_space);margin-top:var(--_space)}label{position:relative}label>input{position:absolute;opacity:0;inset:0;margin:0}.box{display:block;padding:var(--_space) calc(var(--_space)*2)}:hover>.box,:checked+.box{border-color:var(--_accent)}:checked+.box{background:var(--_accent);color:var(--_accent-text)}.star{font-size:1.75em;line-height:1;color:#0000;-webkit-text-stroke:1.5px var(--_text-muted)}.star.on{color:var(--_star);-webkit-text-stroke-color:var(--_star)}.ends{justify-content:space-between;color:var(--_text-muted)}textarea{display:block;width:100%}[role=status]{margin:0}`;
