import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ChorusEnvironment, chorusContext, type Theme } from './context.js';
import { Formatter } from './format.js';
import { pageLocale } from './page-locale.js';
import {
  CORE_MESSAGES,
  formatMessage,
  loadMessages,
  type MessageCatalogue,
  type MessageLoaders,
  type MessageOverrides,
} from './messages.js';
import { CORE_TRANSLATIONS } from './translations.js';
import { setStates } from './shell.js';
import { sharedStyles, tokens } from './tokens.js';

/**
 * The base of every Chorus element: the environment from the nearest `<chorus-provider>`, theme,
 * locale, formatting and messages. A subclass adds `static defaultMessages` and renders.
 */
export class ChorusElement extends LitElement {
  static override styles = [tokens, sharedStyles];

  /** The element's own English messages; merged over the core's. */
  static defaultMessages: MessageCatalogue = {};

  /** The element's translations, loaded when its locale asks for them (the core's come along). */
  static translations?: MessageLoaders;

  /** `light` or `dark` forces a scheme; `auto` (default) follows the provider, then the OS. */
  @property() theme?: Theme;

  /** BCP 47 locale for numbers, dates and messages; defaults to `lang`, the provider's, then the page's. */
  @property() locale?: string;

  /** The element's own `lang` attribute, which chooses its language as `locale` does. */
  @property({ attribute: 'lang' }) private hostLang?: string;

  /** Message overrides for this element only (on top of the provider's). */
  @property({ attribute: false }) messages: MessageOverrides = {};

  /** The client, query client and settings of the nearest `<chorus-provider>`, when there is one. */
  @consume({ context: chorusContext, subscribe: true })
  @state()
  protected chorus?: ChorusEnvironment;

  protected readonly internals: ElementInternals = this.attachInternals();

  /** For controllers: the environment this element reads through. */
  get chorusEnvironment(): ChorusEnvironment | undefined {
    return this.chorus;
  }
  private formatter?: Formatter;

  /** The locale in use: own (`locale`, then `lang`), the provider's, the document's, or English. */
  get effectiveLocale(): string {
    return this.locale || this.hostLang || this.chorus?.locale || pageLocale();
  }

  protected get format(): Formatter {
    const locale = this.effectiveLocale;
    if (this.formatter?.locale !== locale) this.formatter = new Formatter(locale);
    return this.formatter;
  }

  /** A user-visible string from the catalogue, with overrides applied and placeholders filled. */
  protected msg(key: string, params?: Record<string, string | number>): string {
    const defaults = { ...CORE_MESSAGES, ...(this.constructor as typeof ChorusElement).defaultMessages };
    return formatMessage(
      this.effectiveLocale,
      defaults,
      { ...this.chorus?.messages, ...this.messages },
      key,
      params,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // English renders at once; the locale's translations, when first asked for, render when they arrive.
    loadMessages(this.effectiveLocale, [
      CORE_TRANSLATIONS,
      (this.constructor as typeof ChorusElement).translations,
    ])?.then(() => this.requestUpdate());
    const theme = this.theme && this.theme !== 'auto' ? this.theme : this.chorus?.theme;
    // Custom states, not attributes: the page's own `theme` attribute stays what the page set.
    setStates(this.internals, { light: theme === 'light', dark: theme === 'dark' });
  }
}
