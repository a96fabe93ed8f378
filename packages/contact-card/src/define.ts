import { defineElement } from '@chorus/core';
import { ChorusContactCard } from './contact-card.js';

defineElement('chorus-contact-card', ChorusContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-contact-card': ChorusContactCard;
  }
}
