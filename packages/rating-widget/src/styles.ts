import { css } from 'lit';

/**
 * The public `--chorus-*` tokens both widgets read (the subset they need, as in @chorus/core), and
 * a reset of what the shadow root inherits. The reset is on the inner `base` part, not only on the
 * host: a page's `* { all: unset }` reaches the host element itself, never inside the shadow root.
 *
 * By default (`theme` auto) the widget sits on the shop's own background: no surface and no padding
 * of its own, the page's text colour, and the page's `color-scheme` (not the OS setting: a page
 * that stays light keeps a light widget when the OS is dark, and a dark page that declares
 * `color-scheme: dark` gets the dark colours). Muted text and borders are mixed from that text colour,
 * so they read on any background. `theme="light"`/`"dark"` paints a card of its own, with padding;
 * `--chorus-rating-surface` and `--chorus-rating-padding` theme either.
 * Terse on purpose: every byte here ships in the script-tag bundle.
 */
export const baseStyles = css`:host{all:initial;display:block;color:inherit;color-scheme:inherit;--_text:currentColor;--_surface:none;--_padding:0;--_text-muted:var(--chorus-color-text-muted,color-mix(in srgb,currentColor 72%,#0000));--_border:var(--chorus-color-border,color-mix(in srgb,currentColor 60%,#0000));--_accent:var(--chorus-color-accent,light-dark(#5b3fd1,#a897ff));--_accent-text:var(--chorus-color-accent-text,light-dark(#fff,#16191d));--_star:var(--chorus-rating-star-color,light-dark(#b45309,#fbbf24));--_radius:var(--chorus-radius,6px);--_space:var(--chorus-space,4px)}:host(:state(light)){color-scheme:light}:host(:state(dark)){color-scheme:dark}:host(:state(light)),:host(:state(dark)){--_text:light-dark(#1b1f24,#e8eaed);--_surface:light-dark(#fff,#16191d);--_padding:calc(var(--_space)*4)}[part~=base]{all:initial;display:block;color-scheme:inherit;font:var(--chorus-font-size,14px)/1.45 var(--chorus-font-family,system-ui,sans-serif);color:var(--chorus-color-text,var(--_text));background:var(--chorus-rating-surface,var(--_surface));padding:var(--chorus-rating-padding,var(--_padding));border-radius:var(--_radius)}:host([hidden]){display:none}*{box-sizing:border-box;font:inherit;color:inherit}:focus-visible,:focus-visible+span{outline:var(--chorus-focus-ring,2px solid var(--_accent));outline-offset:2px}button,.box,textarea{border:1px solid var(--_border);border-radius:var(--_radius);background:none;padding:var(--_space) calc(var(--_space)*3)}button{background:var(--_accent);color:var(--_accent-text);border-color:#0000;cursor:pointer}:disabled,[aria-disabled=true]{opacity:.45;cursor:not-allowed}[aria-busy=true] button{opacity:1;cursor:progress;background:none;color:inherit;border:1px dashed var(--_border)}.problem{color:var(--chorus-color-negative,light-dark(#cf222e,#ff7b72))}.vh{position:absolute;clip-path:inset(50%);width:1px;height:1px;overflow:hidden}`;
