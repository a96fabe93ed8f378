/** The browser side of the fault suite's commands (`commands.ts`), typed. */
import type { FaultLogEntry, FaultRates } from '@chorus/api/testing/fault-proxy';
import { commands } from 'vitest/browser';
import type { FaultRun, StoredRating } from './commands.js';
import type { TabPage } from './tab.js';

export interface Shown {
  subject: string;
  status: string;
  alert: string;
  buttons: string[];
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    faultRun(seed: number, rates: FaultRates): Promise<FaultRun>;
    faultRates(id: string, rates: FaultRates): Promise<void>;
    faultLog(id: string): Promise<FaultLogEntry[]>;
    faultStored(id: string): Promise<StoredRating[]>;
    faultEnd(id: string): Promise<void>;
    tabOpen(setup: TabPage): Promise<string>;
    tabReload(id: string): Promise<void>;
    tabCall(id: string, name: string, args?: unknown[]): Promise<unknown>;
    tabClose(id: string): Promise<void>;
  }
}

/** A tab: a shop page of its own, in the same browser as the test (same storage, same locks). */
export async function openTab(run: FaultRun, subjects: string[]) {
  const id = await commands.tabOpen({ api: run.api, publishableKey: run.publishableKey, subjects });
  return {
    id,
    reload: () => commands.tabReload(id),
    rate: (ratings: { subject: string; comment: string }[]) => commands.tabCall(id, 'rate', [ratings]),
    shown: () => commands.tabCall(id, 'shown') as Promise<Shown[]>,
    outbox: () => commands.tabCall(id, 'outbox') as Promise<string[]>,
    entries: () => commands.tabCall(id, 'entries'),
    tryAgain: (subject: string) => commands.tabCall(id, 'tryAgain', [subject]),
    online: () => commands.tabCall(id, 'online'),
    close: () => commands.tabClose(id),
  };
}
export type Tab = Awaited<ReturnType<typeof openTab>>;
