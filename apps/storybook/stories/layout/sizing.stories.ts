import '@chorus/contact-card/define';
import '@chorus/metrics-tiles/define';
import '@chorus/pipeline-board/define';
import '@chorus/rating-widget/define';
import type { Contact } from '@chorus/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, unsafeCSS } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { apiUrl, demoClient } from '../../src/demo-api.js';
import { DEMO_PUBLISHABLE_KEY, SEEDED_PRODUCT } from '../rating-widget/support.js';

/**
 * Every element dropped into the three containers a page puts it in, with no width set by the page:
 * a block, a flex row (beside a sibling) and a grid of `auto` columns. Each must take a width it
 * can show its content in, never 0 (size containment for container queries leaves an element no
 * content width of its own, so it has to ask for one), and never more than the container has.
 */
type Container = 'block' | 'flex' | 'grid';

/** The narrowest each element may be when the page gives it room, and what shows it rendered. */
const ELEMENTS = [
  // First, in view: its columns are virtualized and render cards only where they can be seen.
  { tag: 'chorus-pipeline-board', min: 480, ready: '[part~="card"]' },
  { tag: 'chorus-contact-card', min: 280, ready: '[part~="name"]' },
  { tag: 'chorus-metric-tile', min: 160, ready: '[part~="value"]' },
  { tag: 'chorus-metrics-grid', min: 320, ready: 'chorus-metric-tile' },
  // As wide as its five 24px stars: like a button, it takes its content's width.
  { tag: 'chorus-rating', min: 120, ready: 'button' },
  // Its histogram bars keep a width of their own beside the labels.
  { tag: 'chorus-rating-summary', min: 190, ready: 'li' },
] as const;

const CONTAINERS: Record<Container, string> = {
  block: 'display: block;',
  flex: 'display: flex; align-items: flex-start; gap: 16px;',
  grid: 'display: grid; grid-auto-flow: column; justify-content: start; align-items: start; gap: 16px;',
};

const styles = (container: Container) => css`
  .row {
    ${unsafeCSS(CONTAINERS[container])}
    inline-size: 1100px;
    padding: 8px;
    margin-block-end: 16px;
    outline: 1px dashed #8c959f;
  }
  .sibling {
    margin: 0;
    white-space: nowrap;
  }
`;

interface Loaded {
  contact: Contact;
}

const loadContact = async (): Promise<Loaded> => {
  const page = await demoClient().get('/v1/contacts', {
    params: { query: { lifecycleStage: 'customer', limit: 1 } },
  });
  const [contact] = page.data;
  if (!contact) throw new Error('The demo workspace has no customer: is the API seeded?');
  return { contact };
};

const element = (tag: (typeof ELEMENTS)[number]['tag'], contactId: string) => {
  switch (tag) {
    case 'chorus-contact-card':
      return html`<chorus-contact-card contact-id=${contactId}></chorus-contact-card>`;
    case 'chorus-metric-tile':
      return html`<chorus-metric-tile metric="win_rate" period="90d"></chorus-metric-tile>`;
    case 'chorus-metrics-grid':
      return html`<chorus-metrics-grid metrics="win_rate,pipeline_value,churn_rate" period="90d"></chorus-metrics-grid>`;
    case 'chorus-pipeline-board':
      return html`<chorus-pipeline-board pipeline-id="pip_demonewbusiness"></chorus-pipeline-board>`;
    case 'chorus-rating':
      return html`<chorus-rating
        base-url=${apiUrl}
        publishable-key=${DEMO_PUBLISHABLE_KEY}
        subject=${SEEDED_PRODUCT.subject}
      ></chorus-rating>`;
    case 'chorus-rating-summary':
      return html`<chorus-rating-summary
        base-url=${apiUrl}
        publishable-key=${DEMO_PUBLISHABLE_KEY}
        subject=${SEEDED_PRODUCT.subject}
      ></chorus-rating-summary>`;
  }
};

const render =
  (container: Container) =>
  (_: unknown, { loaded }: { loaded: Record<string, unknown> }) =>
    html`
  <style>
    ${styles(container)}
  </style>
  <div data-sizing=${container}>
    ${ELEMENTS.map(
      ({ tag }) => html`<div class="row">
        ${element(tag, (loaded as unknown as Loaded).contact.id)}
        ${container === 'block' ? null : html`<p class="sibling">A sibling beside &lt;${tag}&gt;</p>`}
      </div>`,
    )}
  </div>
`;

/** Waits until every element has rendered its content, then checks all their widths at once. */
const play: Story['play'] = async ({ canvasElement }) => {
  const found = ELEMENTS.map(({ tag, ready }) => {
    const host = canvasElement.querySelector(tag);
    if (!host) throw new Error(`<${tag}> is not in the story`);
    return { host, ready };
  });
  for (const { host, ready } of found) {
    await waitFor(
      () => expect(host.shadowRoot?.querySelector(ready), `${host.localName} ${ready}`).toBeTruthy(),
      {
        timeout: 15_000,
      },
    );
  }
  const wrong = ELEMENTS.flatMap(({ tag, min }, index) => {
    const host = found[index]!.host;
    const width = Math.round(host.getBoundingClientRect().width);
    const room = Math.round(host.parentElement!.getBoundingClientRect().width);
    return width < min || width > room ? [`<${tag}> ${width}px (wanted ${min}px to ${room}px)`] : [];
  });
  await expect(wrong).toEqual([]);
};

const meta: Meta = {
  title: 'Layout/Sizing',
  loaders: [loadContact],
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

/** In a plain block, each element fills the line up to its own maximum width. */
export const InABlock: Story = { render: render('block'), play };

/** In a flex row beside a sibling, each element keeps the width it asks for instead of collapsing. */
export const InAFlexRow: Story = { render: render('flex'), play };

/** In a grid of `auto` columns (sized by their content), each element's column gets its width. */
export const InAGrid: Story = { render: render('grid'), play };
