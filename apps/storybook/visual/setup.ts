/**
 * Setup of the visual suite's test page, before any story module is imported: points the stories at
 * the suite's own API (see `resolveApiUrl`). Not through a `define`: Vitest applies the defines of
 * one config's projects to all of them, and the `stories` project would then read this API too.
 */
import { inject } from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    /** The visual suite's API, seeded at `VISUAL_NOW`. */
    chorusVisualApiUrl: string;
  }
}

(globalThis as { chorusApiUrl?: string }).chorusApiUrl = inject('chorusVisualApiUrl');
