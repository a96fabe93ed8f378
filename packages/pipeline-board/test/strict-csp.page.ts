// The page the strict-CSP test serves: boards in their richest states, under the policy.
import '@chorus/core/define';
import '../src/define.js';
import type { Pipeline } from '@chorus/sdk';
import { html, render } from 'lit';
import type { BoardDeal } from '../src/index.js';

export interface StrictCspPageData {
  api: string;
  token: string;
  /** A seeded pipeline, shown connected in the dark theme. */
  pipelineId: string;
  /** A pipeline and deals whose every free-text field is hostile, shown presentationally. */
  hostile: { pipeline: Pipeline; deals: BoardDeal[] };
}

(window as unknown as { renderPage(data: StrictCspPageData): void }).renderPage = (data) => {
  render(
    html`<main>
      <chorus-provider base-url=${data.api} theme="dark" locale="en-US" .getToken=${async () => data.token}>
        <chorus-pipeline-board id="connected" pipeline-id=${data.pipelineId}></chorus-pipeline-board>
        <chorus-pipeline-board id="missing" pipeline-id="pip_doesnotexist"></chorus-pipeline-board>
      </chorus-provider>
      <chorus-pipeline-board
        id="hostile"
        theme="dark"
        .pipeline=${data.hostile.pipeline}
        .deals=${data.hostile.deals}
      ></chorus-pipeline-board>
    </main>`,
    document.body,
  );
};
