import { defineElement } from '@chorus/core';
import { ChorusReviews } from './reviews.js';

defineElement('chorus-reviews', ChorusReviews);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-reviews': ChorusReviews;
  }
}
