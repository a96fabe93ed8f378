import { startTestApi, type TestApi } from '@chorus/api/testing';

const shared = globalThis as { chorusSdkTestApi?: Promise<TestApi> };

/**
 * One API for every integration file of this process (they run one after another, not isolated),
 * because each PGlite takes seconds to start. Files isolate themselves by workspace where they write.
 */
export function sharedApi(): Promise<TestApi> {
  shared.chorusSdkTestApi ??= startTestApi();
  return shared.chorusSdkTestApi;
}
