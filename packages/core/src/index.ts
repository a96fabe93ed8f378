export { ChorusElement } from './chorus-element.js';
export { ChorusProvider } from './provider.js';
export { chorusContext, THEMES, type ChorusEnvironment, type Theme } from './context.js';
export { QueryController, type ChorusHost } from './query-controller.js';
export { MutationController } from './mutation-controller.js';
export { Formatter, minorDigits } from './format.js';
export { intl } from './intl-cache.js';
export {
  CORE_MESSAGES,
  formatMessage,
  loadMessages,
  localeChain,
  type MessageCatalogue,
  type MessageLoaders,
  type MessageOverrides,
  type Msg,
  registerMessages,
} from './messages.js';
export { CORE_TRANSLATIONS } from './translations.js';
export { translationProblems } from './translation-check.js';
export { errorDetail, type ProblemOptions, renderProblem, setStates } from './shell.js';
export { pageLocale } from './page-locale.js';
export { mailtoUrl, plainText, safeUrl, telUrl } from './safe-url.js';
export { formStyles, sharedStyles, tokens } from './tokens.js';
export { defineElement } from './define-element.js';
export { cssProperties } from './css-properties.js';
