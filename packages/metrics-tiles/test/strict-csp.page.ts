// The page the strict-CSP test serves: tiles and a grid in their richest states, under the policy.
import '@chorus/core/define';
import '../src/define.js';
import { html, render } from 'lit';
import type { MetricData } from '../src/index.js';

export interface StrictCspPageData {
  api: string;
  token: string;
  /** Metrics whose label and definition are hostile, shown presentationally with `target`. */
  hostile: { metric: MetricData; target: number }[];
}

(window as unknown as { renderPage(data: StrictCspPageData): void }).renderPage = (data) => {
  const provider = (theme: string, token: string, children: unknown) =>
    html`<chorus-provider base-url=${data.api} theme=${theme} locale="en-US" .getToken=${async () => token}
      >${children}</chorus-provider
    >`;
  render(
    html`<main>
      ${provider(
        'dark',
        data.token,
        html`<chorus-metrics-grid
            metrics="win_rate,pipeline_value,nps,churn_rate"
            period="90d"
            .targets=${{ win_rate: 0.9, pipeline_value: 1 }}
            .thresholds=${{ churn_rate: { warn: 0, critical: 0 } }}
            ><span slot="heading">Sales</span></chorus-metrics-grid
          >
          <chorus-metric-tile id="connected" metric="win_rate" period="12m" target="0.9" warn="0.99" critical="0.95"></chorus-metric-tile>
          <chorus-metric-tile id="no-range" metric="win_rate" period="custom"></chorus-metric-tile>`,
      )}
      ${provider(
        'light',
        'st_revoked00000000000000',
        html`<chorus-metric-tile id="failing" metric="churn_rate"></chorus-metric-tile>`,
      )}
      ${data.hostile.map(
        ({ metric, target }) =>
          html`<chorus-metric-tile class="hostile" .metric=${metric} currency="EUR" target=${target}></chorus-metric-tile>`,
      )}
    </main>`,
    document.body,
  );
};
