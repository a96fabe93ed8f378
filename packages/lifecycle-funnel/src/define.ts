import { defineElement } from '@chorus/core';
import { ChorusCampaignTable } from './campaign-table.js';
import { ChorusLifecycleFunnel } from './lifecycle-funnel.js';

defineElement('chorus-lifecycle-funnel', ChorusLifecycleFunnel);
defineElement('chorus-campaign-table', ChorusCampaignTable);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-lifecycle-funnel': ChorusLifecycleFunnel;
    'chorus-campaign-table': ChorusCampaignTable;
  }
}
