import { createRoute, z } from '@hono/zod-openapi';
import { CursorParam, IdempotencyHeader, idSchema, LimitParam, Money, page, Timestamp } from '../common.js';
import { bearer, json, jsonBody, problems } from '../http.js';

export const Order = z
  .object({
    id: idSchema('order'),
    contactId: idSchema('contact'),
    companyId: idSchema('company').nullable(),
    amount: Money,
    orderedAt: Timestamp,
  })
  .openapi('Order', { description: 'A purchase. An order makes its contact a customer.' });

export const CreateOrder = z
  .object({
    contactId: Order.shape.contactId,
    companyId: Order.shape.companyId.optional(),
    amount: Money.refine((m) => m.amount > 0, { message: 'must be positive', path: ['amount'] }),
    orderedAt: Timestamp.optional().openapi({ description: 'Defaults to now.' }),
  })
  .strict()
  .openapi('CreateOrder');

const tags = ['Orders'];

export const listOrders = createRoute({
  method: 'get',
  path: '/v1/orders',
  tags,
  summary: 'List orders, newest first',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      contactId: idSchema('contact').optional(),
      companyId: idSchema('company').optional(),
    }),
  },
  responses: { 200: json(page(Order, 'OrderPage'), 'A page of orders.'), ...problems(403) },
});

export const createOrder = createRoute({
  method: 'post',
  path: '/v1/orders',
  tags,
  summary: 'Record an order',
  description: 'Makes the contact a customer (also a churned one, again).',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateOrder, 'The order.') },
  responses: { 201: json(Order, 'The recorded order.'), ...problems(403, 404, 422) },
});
