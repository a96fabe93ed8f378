import { defineElement } from '@chorus/core';
import { ChorusRating } from './rating.js';
import { ChorusRatingSummary } from './summary.js';

defineElement('chorus-rating', ChorusRating);
defineElement('chorus-rating-summary', ChorusRatingSummary);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-rating': ChorusRating;
    'chorus-rating-summary': ChorusRatingSummary;
  }
}
