import { css } from 'lit';

/**
 * The public `--chorus-*` tokens both widgets read (the subset they need, as in @chorus/core), and
 * a reset of what the shadow root inherits. The reset is on the inner `base` part, not only on the
 * host: a page's `* { all: unset }` reaches the host element itself, never inside the shadow root.
 * The widget paints its own surface: with the OS in dark mode, its light text must not land on a
 * page that stays white. Terse on purpose: every byte here ships in the 12 kB script-tag bundle.
 */
export const baseStyles = css`:host{all:initial;display:block;--_bg:var(--chorus-color-surface,light-dark(#fff,#16191d));--_fg:var(--chorus-color-text,light-dark(#1b1f24,#e8eaed));--_mu:var(--chorus-color-text-muted,light-dark(#57606a,#a3acb7));--_bd:var(--chorus-color-border,light-dark(#8c959f,#6e7681));--_ac:var(--chorus-color-accent,light-dark(#5b3fd1,#a897ff));--_at:var(--chorus-color-accent-text,light-dark(#fff,#16191d));--_st:var(--chorus-rating-star-color,light-dark(#b45309,#fbbf24));--_r:var(--chorus-radius,6px);--_s:var(--chorus-space,4px)}[part~=base]{all:initial;display:block;color-scheme:var(--_cs,light dark);font:var(--chorus-font-size,14px)/1.45 var(--chorus-font-family,system-ui,sans-serif);color:var(--_fg);background:var(--_bg)}:host([theme=light]){--_cs:light}:host([theme=dark]){--_cs:dark}:host([hidden]){display:none}*{box-sizing:border-box;font:inherit;color:inherit}:focus-visible,:focus-visible+span{outline:var(--chorus-focus-ring,2px solid var(--_ac));outline-offset:2px}button,.box,textarea{border:1px solid var(--_bd);border-radius:var(--_r);background:var(--_bg);padding:var(--_s) calc(var(--_s)*3)}button{background:var(--_ac);color:var(--_at)}.problem{color:var(--chorus-color-negative,light-dark(#cf222e,#ff7b72))}.vh{position:absolute;clip-path:inset(50%)}`;
