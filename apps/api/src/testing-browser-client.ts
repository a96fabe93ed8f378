/**
 * The browser side of the browser-test commands: typed calls a component test makes to the Vitest
 * process, which holds the API and its secret keys.
 */
import { commands } from 'vitest/browser';
import type { BrowserApiInfo } from './testing-browser.js';
// Type-only, so erased: the browser bundle never loads the Node side.
import type { ReceivedRequest } from './testing.js';

export type { ReceivedRequest };

declare module 'vitest/browser' {
  interface BrowserCommands {
    chorusDemo(): Promise<BrowserApiInfo>;
    chorusFreshWorkspace(): Promise<BrowserApiInfo>;
    chorusRequests(): Promise<ReceivedRequest[]>;
    chorusResetRequests(): Promise<void>;
  }
}

export const testApi = {
  /** The seeded demo workspace, with a read/write session token. */
  demo: () => commands.chorusDemo(),
  /** An empty workspace of the test's own, with a read/write session token. */
  freshWorkspace: () => commands.chorusFreshWorkspace(),
  /** What the server received since the last reset. */
  requests: () => commands.chorusRequests(),
  resetRequests: () => commands.chorusResetRequests(),
};
export type { BrowserApiInfo };
