import { defineElement } from '@chorus/core';
import { ChorusDealCard } from './deal-card.js';

defineElement('chorus-deal-card', ChorusDealCard);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-deal-card': ChorusDealCard;
  }
}
