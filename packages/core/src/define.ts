import { ChorusProvider } from './provider.js';
import { defineElement } from './define-element.js';

defineElement('chorus-provider', ChorusProvider);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-provider': ChorusProvider;
  }
}
