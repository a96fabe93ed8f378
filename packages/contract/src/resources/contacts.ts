import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  IdempotencyHeader,
  UpdateHeaders,
  idSchema,
  idsParam,
  LimitParam,
  Money,
  page,
  Timestamp,
  text,
  Version,
  notBlank,
  plainString,
} from '../common.js';
import { LIFECYCLE_STAGES, RFM_SEGMENTS } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';
import { CreateTouch } from './campaigns.js';

export const LifecycleStage = z.enum(LIFECYCLE_STAGES).openapi('LifecycleStage', {
  description:
    'Where the person is in the one customer lifecycle. A contact with a won deal or an order is a `customer`; a customer never goes back to a lead stage (subscriber … opportunity), only to `churned`.',
  example: 'sales_qualified',
});

const Tags = z
  .array(plainString().min(1).max(40).refine(notBlank, 'must not be blank'))
  .max(20)
  .openapi({
    description: 'Free labels, up to 20 of 40 characters, stored as sent (not trimmed).',
    example: ['newsletter', 'vip'],
  });

export const Contact = z
  .object({
    id: idSchema('contact'),
    firstName: text(100, 'Given name.', 'Mara'),
    lastName: plainString().max(100).openapi({
      description: 'Family name; may be empty. Stored as sent (not trimmed).',
      example: 'Okafor',
    }),
    email: z.email().nullable().openapi({ example: 'mara.okafor@example.com' }),
    phone: plainString()
      .max(40)
      .nullable()
      .openapi({ description: 'Stored as sent (not trimmed).', example: '+44 20 7946 0958' }),
    title: plainString()
      .max(120)
      .nullable()
      .openapi({ description: 'Job title. Stored as sent (not trimmed).', example: 'Head of Procurement' }),
    companyId: idSchema('company').nullable(),
    ownerId: idSchema('user').nullable(),
    lifecycleStage: LifecycleStage,
    leadScore: z.number().int().min(0).max(100).openapi({ description: 'Lead score, 0-100.', example: 72 }),
    tags: Tags,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('Contact', { description: 'A person: lead or customer, never confused.' });

export const CreateContact = z
  .object({
    firstName: Contact.shape.firstName,
    lastName: Contact.shape.lastName.default(''),
    email: Contact.shape.email.optional(),
    phone: Contact.shape.phone.optional(),
    title: Contact.shape.title.optional(),
    companyId: Contact.shape.companyId.optional(),
    ownerId: Contact.shape.ownerId.optional(),
    lifecycleStage: LifecycleStage.default('lead'),
    leadScore: Contact.shape.leadScore.default(0),
    tags: Tags.default([]),
    touch: CreateTouch.optional().openapi({
      description:
        'The touch that brought the contact in (their first touch): a campaign, a channel or both.',
    }),
  })
  .strict()
  .openapi('CreateContact');

export const UpdateContact = z
  .object({
    firstName: Contact.shape.firstName,
    lastName: Contact.shape.lastName,
    email: Contact.shape.email,
    phone: Contact.shape.phone,
    title: Contact.shape.title,
    companyId: Contact.shape.companyId,
    ownerId: Contact.shape.ownerId,
    lifecycleStage: LifecycleStage,
    leadScore: Contact.shape.leadScore,
    tags: Tags,
  })
  .partial()
  .strict()
  .openapi('UpdateContact', { description: 'The fields to change; others are kept.' });

export const LifecycleChange = z
  .object({
    from: z
      .union([LifecycleStage, z.null()])
      .openapi({ description: 'Null for the stage the contact was created in.' }),
    to: LifecycleStage,
    reason: z.string().openapi({ description: 'Why it changed.', example: 'deal_won' }),
    changedAt: Timestamp,
  })
  .openapi('LifecycleChange');

export const ContactInsights = z
  .object({
    contactId: idSchema('contact'),
    lifetimeValue: Money.openapi({ description: 'Sum of all orders of the contact.' }),
    orderCount: z.number().int().min(0).openapi({ example: 7 }),
    lastOrderAt: Timestamp.nullable(),
    lastActivityAt: Timestamp.nullable(),
    rfm: z
      .object({
        recency: z
          .number()
          .int()
          .min(1)
          .max(5)
          .openapi({ description: '5 = bought most recently.', example: 4 }),
        frequency: z
          .number()
          .int()
          .min(1)
          .max(5)
          .openapi({ description: '5 = buys most often.', example: 3 }),
        monetary: z.number().int().min(1).max(5).openapi({ description: '5 = spends the most.', example: 5 }),
        segment: z
          .enum(RFM_SEGMENTS)
          .openapi('RfmSegment', { description: 'The segment the three scores name.' }),
      })
      .nullable()
      .openapi('Rfm', {
        description:
          'Recency, frequency and monetary scores 1-5 (quintiles among the workspace’s buying contacts) and the segment they name. Null when the contact has no orders.',
      }),
    averageRatingGiven: z
      .number()
      .nullable()
      .openapi({ description: 'Mean of the stars5 ratings this contact gave.', example: 4.3 }),
    ratingCount: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Ratings this contact gave, any scale.', example: 3 }),
    latestNps: z
      .object({ score: z.number().int().min(0).max(10), at: Timestamp })
      .nullable()
      .openapi({ description: "The contact's latest nps10 answer." }),
  })
  .openapi('ContactInsights', { description: 'What the CRM knows of a contact, computed by the server.' });

const tags = ['Contacts'];
const ContactId = z.object({ id: idSchema('contact') });

export const listContacts = createRoute({
  method: 'get',
  path: '/v1/contacts',
  tags,
  summary: 'List or batch-read contacts',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      ids: idsParam('contact'),
      lifecycleStage: LifecycleStage.optional(),
      ownerId: idSchema('user').optional(),
      companyId: idSchema('company').optional(),
      q: plainString().trim().min(1).max(100).optional().openapi({
        description: 'Text search in name and email; trimmed of surrounding whitespace.',
        example: 'okafor',
      }),
    }),
  },
  responses: { 200: json(page(Contact, 'ContactPage'), 'A page of contacts.'), ...problems(403) },
});

export const createContact = createRoute({
  method: 'post',
  path: '/v1/contacts',
  tags,
  summary: 'Create a contact',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateContact, 'The new contact.') },
  responses: { 201: json(Contact, 'The created contact.'), ...problems(403, 404, 409, 422) },
});

export const getContact = createRoute({
  method: 'get',
  path: '/v1/contacts/{id}',
  tags,
  summary: 'Read a contact',
  security: bearer,
  request: { params: ContactId },
  responses: { 200: json(Contact, 'The contact.'), ...problems(403, 404) },
});

export const updateContact = createRoute({
  method: 'patch',
  path: '/v1/contacts/{id}',
  tags,
  summary: 'Update a contact',
  description: 'Needs `If-Match`. Setting a customer back to a lead stage is refused with 409.',
  security: bearer,
  request: { params: ContactId, headers: UpdateHeaders, body: jsonBody(UpdateContact, 'Fields to change.') },
  responses: { 200: json(Contact, 'The updated contact.'), ...problems(403, 404, 409, 412, 422, 428) },
});

export const listContactLifecycle = createRoute({
  method: 'get',
  path: '/v1/contacts/{id}/lifecycle',
  tags,
  summary: "A contact's lifecycle history",
  security: bearer,
  request: { params: ContactId },
  responses: {
    200: json(
      z.object({ data: z.array(LifecycleChange) }).openapi('LifecycleHistory'),
      'Every change, oldest first.',
    ),
    ...problems(403, 404),
  },
});

export const getContactInsights = createRoute({
  method: 'get',
  path: '/v1/contacts/{id}/insights',
  tags,
  summary: "A contact's insights: lifetime value, RFM, ratings",
  security: bearer,
  request: { params: ContactId },
  responses: { 200: json(ContactInsights, 'The insights.'), ...problems(403, 404) },
});
