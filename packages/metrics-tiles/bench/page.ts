// The page the bench loads in Chromium: one provider, a 12-tile grid rendered into it, timed until
// every tile shows its value.
import '@chorus/core/define';
import '@chorus/metrics-tiles/define';
import { assertDefined, until } from '@chorus/testing/bounded';
import { html, render } from 'lit';

interface Setup {
  url: string;
  sessionToken: string;
  metrics: string;
  from: string;
  to: string;
}

let slot: HTMLElement | undefined;

/** Puts one provider on the page (its QueryClient is the cache the later renders share). */
function setUp({ url, sessionToken }: Setup): void {
  assertDefined('chorus-provider', 'chorus-metrics-grid', 'chorus-metric-tile');
  const root = document.createElement('div');
  root.style.width = '1180px';
  document.body.replaceChildren(root);
  render(
    html`<chorus-provider base-url=${url} locale="en-US" .getToken=${async () => sessionToken}
      ><div id="slot"></div
    ></chorus-provider>`,
    root,
  );
  slot = root.querySelector<HTMLElement>('#slot')!;
}

function allShown(count: number): boolean {
  const grid = slot?.querySelector('chorus-metrics-grid');
  const tiles = grid?.shadowRoot?.querySelectorAll('chorus-metric-tile');
  if (!tiles || tiles.length !== count) return false;
  for (const tile of tiles) if (!tile.shadowRoot?.querySelector('[part=value]')) return false;
  return true;
}

/** Milliseconds from rendering a new grid (under the same provider) until all its tiles show a value. */
async function renderGrid({ metrics, from, to }: Setup): Promise<number> {
  render(html``, slot!);
  const start = performance.now();
  render(
    html`<chorus-metrics-grid metrics=${metrics} period="custom" from=${from} to=${to}></chorus-metrics-grid>`,
    slot!,
  );
  const count = metrics.split(',').length;
  await until(`${count} tiles to show their values`, () => allShown(count));
  return performance.now() - start;
}

Object.assign(window, { setUp, renderGrid });
