import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import type { Contact } from '@chorus/sdk';
import { call, mount as mountTemplate } from '@chorus/testing/browser';
import type { TemplateResult } from 'lit';
import type { ChorusContactCard } from '../src/index.js';
import '@chorus/core/define';
import '../src/define.js';

/** Renders a card (or a page of them) into a fresh container as wide as a sidebar. */
export const mount = (template: TemplateResult) => mountTemplate(template, { width: 420 });

export const createContact = (api: BrowserApiInfo, body: Record<string, unknown>) =>
  call<Contact>(api, 'POST', '/v1/contacts', body);

export const shadow = (card: ChorusContactCard) => card.shadowRoot!;
