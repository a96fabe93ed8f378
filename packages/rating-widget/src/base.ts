import {
  formatMessage,
  intl,
  loadMessages,
  type MessageLoaders,
  type MessageOverrides,
  setStates,
} from '@chorus/core';
import { type CSSResultGroup, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { RATING_MESSAGES } from './messages.js';
import { RATING_TRANSLATIONS } from './translations.js';
import { baseStyles } from './styles.js';

/**
 * What both widgets share: where the API is, the publishable key, locale, theme and messages.
 *
 * Not `ChorusElement`: that base consumes a `<chorus-provider>` (@lit/context) and carries the full
 * token sheet, about 3 kB gzipped that a script-tag widget on someone else's page cannot afford
 * within its 12 kB budget. The widget is configured by attributes instead, reads the same public
 * `--chorus-*` custom properties under core's private names (`--_text`, `--_accent` …) and core's
 * custom states for the theme (`:state(light)`, `:state(dark)`), and declares reactive properties
 * without decorators (smaller).
 */
export class RatingElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    api: {},
    publishableKey: { attribute: 'publishable-key' },
    subject: {},
    scale: {},
    locale: {},
    hostLang: { attribute: 'lang' },
    theme: {},
    messages: { attribute: false },
  };

  /** The Chorus API's base URL, such as `https://crm.example.com` (`base-url`, as on `<chorus-provider>`). */
  declare baseUrl?: string;
  /**
   * The API's base URL under the attribute's first name, read when `base-url` is not set.
   * @deprecated Use `base-url` (`baseUrl`); `api` is read until the next minor release.
   */
  declare api?: string;
  /** The workspace's publishable key (`pk_…`): it can only submit ratings and read their summaries. */
  declare publishableKey?: string;
  /** What is rated, such as `product:monitor-x1`. */
  declare subject?: string;
  /** `stars5` (default), `nps10` or `csat5`. */
  declare scale: string;
  /** BCP 47 locale for messages, numbers and plural forms; defaults to `lang`, the page's `lang`, then the browser's. */
  declare locale?: string;
  /** The element's own `lang` attribute, which chooses its language as `locale` does. */
  declare private hostLang?: string;
  /** `auto` (default: the page's own background, text colour and `color-scheme`), or `light`/`dark`: a padded card of its own. */
  declare theme?: string;
  /** Overrides for any of the strings in `RATING_MESSAGES` (and, for `<chorus-reviews>`, `REVIEWS_MESSAGES`), over the locale's translation. */
  declare messages: MessageOverrides;

  /** The element's internals: its custom states (`:state(dark)`), and the rating's form value. */
  protected readonly internals = this.attachInternals();

  constructor() {
    super();
    this.scale = 'stars5';
    this.messages = {};
  }

  /** Where the API is: `base-url`, or the deprecated `api`. */
  protected get apiUrl(): string | undefined {
    return this.baseUrl || this.api;
  }

  protected get effectiveLocale(): string {
    return this.locale || this.hostLang || document.documentElement.lang || navigator.language || 'en';
  }

  // `update`, not `willUpdate`, which the elements override for their own work.
  protected override update(changed: PropertyValues): void {
    // The theme as custom states, as core's elements have it: the page's `theme` attribute stays the page's.
    setStates(this.internals, { light: this.theme === 'light', dark: this.theme === 'dark' });
    // English renders at once; a locale's translations, when first asked for, render when they arrive.
    loadMessages(this.effectiveLocale, this.translations)?.then(() => this.requestUpdate());
    super.update(changed);
  }

  /** The element's translations, one table per catalogue (`<chorus-reviews>` adds its own). */
  protected get translations(): MessageLoaders[] {
    return [RATING_TRANSLATIONS];
  }

  /** The element's English strings (`<chorus-reviews>` adds its own). */
  protected get catalogue(): Record<string, string> {
    return RATING_MESSAGES;
  }

  /** A number in the element's locale: one digit system for every count, score and average shown. */
  protected num(value: number, options?: Intl.NumberFormatOptions): string {
    return intl(Intl.NumberFormat, this.effectiveLocale, options).format(value);
  }

  /**
   * A message, from `messages`, the locale's translation or the English catalogue, with its
   * `{name}`s filled in, numbers in the locale's digits and the plural form chosen by `count`.
   */
  protected msg(key: string, params?: Record<string, string | number>): string {
    return formatMessage(this.effectiveLocale, this.catalogue, this.messages, key, params);
  }
}
