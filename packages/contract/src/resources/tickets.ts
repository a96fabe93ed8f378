import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  IdempotencyHeader,
  UpdateHeaders,
  idSchema,
  LimitParam,
  page,
  Timestamp,
  text,
  Version,
} from '../common.js';
import { TICKET_STATUSES } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';

const TicketStatus = z.enum(TICKET_STATUSES).openapi('TicketStatus', {
  description: '`resolved` stamps `resolvedAt`; reopening clears it.',
  example: 'open',
});

export const Ticket = z
  .object({
    id: idSchema('ticket'),
    contactId: idSchema('contact'),
    subject: text(200, 'What the case is about.', 'Left monitor hums at low volume'),
    status: TicketStatus,
    openedAt: Timestamp,
    resolvedAt: Timestamp.nullable(),
    version: Version,
  })
  .openapi('Ticket', { description: 'A service case.' });

export const CreateTicket = z
  .object({
    contactId: Ticket.shape.contactId,
    subject: Ticket.shape.subject,
    openedAt: Timestamp.optional().openapi({ description: 'Defaults to now.' }),
  })
  .strict()
  .openapi('CreateTicket');

export const UpdateTicket = z
  .object({ status: Ticket.shape.status, subject: Ticket.shape.subject })
  .partial()
  .strict()
  .openapi('UpdateTicket', { description: 'Setting `resolved` stamps `resolvedAt`.' });

const tags = ['Tickets'];
const TicketId = z.object({ id: idSchema('ticket') });

export const listTickets = createRoute({
  method: 'get',
  path: '/v1/tickets',
  tags,
  summary: 'List tickets, newest first',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      contactId: idSchema('contact').optional(),
      status: TicketStatus.optional(),
    }),
  },
  responses: { 200: json(page(Ticket, 'TicketPage'), 'A page of tickets.'), ...problems(403) },
});

export const createTicket = createRoute({
  method: 'post',
  path: '/v1/tickets',
  tags,
  summary: 'Open a ticket',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateTicket, 'The ticket.') },
  responses: { 201: json(Ticket, 'The opened ticket.'), ...problems(403, 404, 422) },
});

export const updateTicket = createRoute({
  method: 'patch',
  path: '/v1/tickets/{id}',
  tags,
  summary: 'Update or resolve a ticket',
  security: bearer,
  request: { params: TicketId, headers: UpdateHeaders, body: jsonBody(UpdateTicket, 'Fields to change.') },
  responses: { 200: json(Ticket, 'The updated ticket.'), ...problems(403, 404, 412, 422, 428) },
});
