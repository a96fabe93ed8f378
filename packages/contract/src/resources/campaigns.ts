import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  DateOnly,
  IdempotencyHeader,
  idSchema,
  LimitParam,
  Money,
  page,
  text,
  Timestamp,
} from '../common.js';
import { CAMPAIGN_CHANNELS } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';
import { ATTRIBUTION } from '../metrics.js';

export const CampaignChannel = z.enum(CAMPAIGN_CHANNELS).openapi('CampaignChannel', {
  description:
    'How a campaign reaches people; also the source of a touch that came through no campaign (`organic`, `referral`…).',
  example: 'email',
});

export const Campaign = z
  .object({
    id: idSchema('campaign'),
    name: text(200, 'What the campaign is called.', 'Spring webinar series'),
    channel: CampaignChannel,
    startsOn: DateOnly.openapi({ description: 'First day (UTC).', example: '2026-03-01' }),
    endsOn: DateOnly.openapi({ description: 'Last day (UTC), inclusive.', example: '2026-03-31' }),
    cost: Money.openapi({ description: ATTRIBUTION.cost }),
    createdAt: Timestamp,
  })
  .openapi('Campaign', { description: 'A marketing campaign: a channel, dates and what it cost.' });

export const CreateCampaign = z
  .object({
    name: Campaign.shape.name,
    channel: CampaignChannel,
    startsOn: Campaign.shape.startsOn,
    endsOn: Campaign.shape.endsOn,
    cost: Money.refine((m) => m.amount >= 0, { message: 'must not be negative', path: ['amount'] }),
  })
  .strict()
  .refine((c) => c.endsOn >= c.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] })
  .openapi('CreateCampaign');

export const Touch = z
  .object({
    campaignId: idSchema('campaign')
      .nullable()
      .openapi({ description: 'The campaign, if it came through one.' }),
    source: CampaignChannel.openapi({ description: 'The channel it came through.' }),
    touchedAt: Timestamp,
  })
  .openapi('Touch', { description: ATTRIBUTION.touch });

export const CreateTouch = z
  .object({
    campaignId: idSchema('campaign').optional(),
    source: CampaignChannel.optional().openapi({ description: "Defaults to the campaign's channel." }),
    touchedAt: Timestamp.optional().openapi({ description: 'Defaults to now.' }),
  })
  .strict()
  .refine((t) => t.campaignId !== undefined || t.source !== undefined, {
    message: 'needs a campaignId or a source',
    path: ['source'],
  })
  .openapi('CreateTouch');

export const ContactTouches = z
  .object({
    first: Touch.nullable().openapi({ description: 'The touch that brought the contact in (first touch).' }),
    latest: Touch.nullable().openapi({ description: 'The most recent touch (last touch today).' }),
    data: z.array(Touch).openapi({ description: 'Every touch, oldest first.' }),
  })
  .openapi('ContactTouches');

const tags = ['Campaigns'];
const CampaignIdParam = z.object({ id: idSchema('campaign') });

export const listCampaigns = createRoute({
  method: 'get',
  path: '/v1/campaigns',
  tags,
  summary: 'List campaigns, newest first',
  security: bearer,
  request: {
    query: z.object({ limit: LimitParam, cursor: CursorParam, channel: CampaignChannel.optional() }),
  },
  responses: { 200: json(page(Campaign, 'CampaignPage'), 'A page of campaigns.'), ...problems(403) },
});

export const createCampaign = createRoute({
  method: 'post',
  path: '/v1/campaigns',
  tags,
  summary: 'Create a campaign',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateCampaign, 'The campaign.') },
  responses: { 201: json(Campaign, 'The created campaign.'), ...problems(403, 422) },
});

export const getCampaign = createRoute({
  method: 'get',
  path: '/v1/campaigns/{id}',
  tags,
  summary: 'Read a campaign',
  security: bearer,
  request: { params: CampaignIdParam },
  responses: { 200: json(Campaign, 'The campaign.'), ...problems(403, 404) },
});

const ContactIdParam = z.object({ id: idSchema('contact') });

export const listContactTouches = createRoute({
  method: 'get',
  path: '/v1/contacts/{id}/touches',
  tags: ['Contacts'],
  summary: "A contact's touches: first, latest and all",
  security: bearer,
  request: { params: ContactIdParam },
  responses: { 200: json(ContactTouches, 'The touches.'), ...problems(403, 404) },
});

export const createContactTouch = createRoute({
  method: 'post',
  path: '/v1/contacts/{id}/touches',
  tags: ['Contacts'],
  summary: 'Record that a contact was re-engaged, by a campaign or a channel',
  description:
    "Becomes the contact's latest touch (and its first, if it had none). A contact's first touch is recorded with `touch` when it is created.",
  security: bearer,
  request: { params: ContactIdParam, headers: IdempotencyHeader, body: jsonBody(CreateTouch, 'The touch.') },
  responses: { 201: json(ContactTouches, "The contact's touches."), ...problems(403, 404, 422) },
});
