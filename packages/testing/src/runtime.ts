/**
 * The shared runtime: Lit and `@chorus/core`. A page that embeds Chorus loads them once, however
 * many elements it shows, so each element's budget is its own bytes over them (issue 15).
 */
export const RUNTIME = ['lit', 'lit/*', '@lit/*', '@chorus/core', '@chorus/core/*'];

/** The SDK and query-core are the app's (or the provider's) to load once; components share them. */
export const SDK = ['@chorus/sdk', '@chorus/sdk/query', '@chorus/sdk/changes', '@tanstack/query-core'];

/** What a bundle is measured beside: the smallest page of the library it is built on. */
export const PEERS = {
  'bare Lit': `import { LitElement, html } from 'lit'; customElements.define('x-a', class extends LitElement { render() { return html\`a\`; } });`,
  'bare openapi-fetch': `export { default } from 'openapi-fetch';`,
} as const;
export type PeerName = keyof typeof PEERS;
