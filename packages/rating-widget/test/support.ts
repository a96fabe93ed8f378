import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import { call, until } from '@chorus/testing/browser';
import '../src/define.js';

export const inShadow = <E extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);

/** The API counts a submission as a person's only after 1.5 s on the page. */
export const dwell = () => until(() => performance.now() > 1700, 'time on page');

/** Ratings stored in the workspace, read as the workspace's signed-in user would. */
export const storedRatings = async (api: BrowserApiInfo) =>
  (
    await call<{
      data: { subject: string; score: number; comment: string | null; source: string; origin: string }[];
    }>(api, 'GET', '/v1/ratings?limit=100')
  ).data;
