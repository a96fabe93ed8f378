import '@chorus/core/define';
import '@chorus/contact-card/define';
import '@chorus/lifecycle-funnel/define';
import '@chorus/metrics-tiles/define';
import '@chorus/pipeline-board/define';
import '@chorus/rating-widget/define';
import { THEMES } from '@chorus/core';
import cardManifest from '@chorus/contact-card/custom-elements.json' with { type: 'json' };
import coreManifest from '@chorus/core/custom-elements.json' with { type: 'json' };
import funnelManifest from '@chorus/lifecycle-funnel/custom-elements.json' with { type: 'json' };
import metricsManifest from '@chorus/metrics-tiles/custom-elements.json' with { type: 'json' };
import boardManifest from '@chorus/pipeline-board/custom-elements.json' with { type: 'json' };
import ratingManifest from '@chorus/rating-widget/custom-elements.json' with { type: 'json' };
import { type Decorator, type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import { apiUrl, demoSessions } from '../src/demo-api.js';
import { publicManifest } from '../src/manifest.js';

setCustomElementsManifest(
  publicManifest(coreManifest, cardManifest, metricsManifest, boardManifest, ratingManifest, funnelManifest),
);

const LOCALES = {
  'en-US': { title: 'English (US)', dir: 'ltr' },
  'de-DE': { title: 'Deutsch', dir: 'ltr' },
  'ja-JP': { title: '日本語', dir: 'ltr' },
  'ar-EG': { title: 'العربية (RTL)', dir: 'rtl' },
} as const;
type Locale = keyof typeof LOCALES;

/** Each provider element gets a `getToken` of its own (see DemoSessions), set before its first update. */
const giveToken = ref((element) => {
  const provider = element as HTMLElementTagNameMap['chorus-provider'] | undefined;
  if (provider && !provider.getToken) provider.getToken = demoSessions.tokenGetter();
});

/**
 * Every story runs inside `<chorus-provider>` configured from the toolbar, with a session token from
 * the demo API; the page takes the locale's language and direction and the theme's color scheme.
 * A story about a missing provider opts out with `parameters: { chorusProvider: false }`.
 * Only stories that show live updates follow the change feed (`parameters: { chorusLive: true }`):
 * a docs page renders every story of a component at once, and a stream each would take the
 * browser's six connections to the API (HTTP/1.1), leaving none for the stories' reads.
 */
const withChorusProvider: Decorator = (story, context) => {
  const theme = (THEMES as readonly string[]).includes(context.globals.theme)
    ? context.globals.theme
    : 'auto';
  const locale: Locale = context.globals.locale in LOCALES ? context.globals.locale : 'en-US';
  const root = document.documentElement;
  root.lang = locale;
  root.dir = LOCALES[locale].dir;
  root.dataset.chorusTheme = theme;
  // Keyed by the locale: elements under a provider follow its locale on their own, but the rating
  // widgets (which have no provider) read the page's `lang` when they render, so a new language
  // renders the story anew.
  const key = `${context.id} ${locale}`;
  if (context.parameters.chorusProvider === false) return html`${keyed(key, story())}`;
  // A provider (and so a client and a cache) per story: stories do not see each other's data.
  const live = context.parameters.chorusLive === true ? 'on' : 'off';
  const provider = html`<chorus-provider base-url=${apiUrl} locale=${locale} theme=${theme} live=${live} ${giveToken}
    >${story()}</chorus-provider
  >`;
  return html`${keyed(key, provider)}`;
};

const preview: Preview = {
  decorators: [withChorusProvider],
  globalTypes: {
    theme: {
      description: 'Chorus theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto (OS setting)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of every element (its messages, numbers and dates) and the page direction',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(LOCALES).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'en-US' },
  parameters: {
    // axe runs on every story; in the story tests a violation fails the test.
    a11y: { test: 'error' },
    controls: { expanded: true },
    // The phone width the pages are designed down to (and the visual regression suite shoots at).
    viewport: {
      options: {
        phone: { name: 'Phone (375 px)', styles: { width: '375px', height: '812px' }, type: 'mobile' },
        ...MINIMAL_VIEWPORTS,
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
