import type { ChorusClient } from '@chorus/sdk';
import type { ChangeFeed } from '@chorus/sdk/changes';
import type { ChorusQueries } from '@chorus/sdk/query';
import { createContext } from '@lit/context';
import type { QueryClient } from '@tanstack/query-core';
import type { MessageOverrides } from './messages.js';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** What `<chorus-provider>` gives every Chorus element below it. A new object whenever any part changes. */
export interface ChorusEnvironment {
  client: ChorusClient;
  queryClient: QueryClient;
  queries: ChorusQueries;
  locale: string;
  theme: Theme;
  messages: MessageOverrides;
  /**
   * The workspace's changes, when the provider follows them (signed in with a session token): an
   * element may listen too (to announce a move by someone else) without opening another stream.
   */
  changes?: ChangeFeed;
}

export const chorusContext = createContext<ChorusEnvironment | undefined>(Symbol.for('chorus.environment'));
