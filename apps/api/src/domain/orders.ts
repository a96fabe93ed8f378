import { idPattern } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { newId } from '../ids.js';
import { makeCustomer } from './contacts.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { assertReferences } from './references.js';
import { iso } from './rows.js';
import type { OrderDto } from './types.js';

interface OrderRow {
  id: string;
  contact_id: string;
  company_id: string | null;
  amount: number;
  currency: string;
  ordered_at: Date;
}

const toOrder = (r: OrderRow): OrderDto => ({
  id: r.id,
  contactId: r.contact_id,
  companyId: r.company_id,
  amount: { amount: r.amount, currency: r.currency },
  orderedAt: iso(r.ordered_at),
});

export interface OrderQuery extends PageRequest {
  contactId?: string | undefined;
  companyId?: string | undefined;
}

export async function listOrders(tx: Sql, workspaceId: string, query: OrderQuery): Promise<Page<OrderDto>> {
  const where = new Where(workspaceId)
    .add('contact_id = ?', query.contactId)
    .add('company_id = ?', query.companyId);
  const after = decodeCursor(query.cursor, idPattern('order'));
  const rows = await tx.query<OrderRow>(
    `select * from orders ${where.page(after, 'desc', query.limit)}`,
    where.params,
  );
  return toPage(rows, query.limit, toOrder);
}

export interface OrderInput {
  contactId: string;
  companyId?: string | null | undefined;
  amount: { amount: number; currency: string };
  orderedAt?: string | undefined;
}

/** Records an order and makes its contact a customer: the lifecycle follows what people do. */
export async function createOrder(
  tx: Sql,
  workspaceId: string,
  input: OrderInput,
  now = new Date(),
): Promise<OrderDto> {
  await assertReferences(tx, workspaceId, { contactId: input.contactId, companyId: input.companyId });
  const at = input.orderedAt ? new Date(input.orderedAt) : now;
  const companyId =
    input.companyId ??
    (
      await tx.query<{ company_id: string | null }>(
        'select company_id from contacts where workspace_id = $1 and id = $2',
        [workspaceId, input.contactId],
      )
    )[0]?.company_id ??
    null;
  const rows = await tx.query<OrderRow>(
    `insert into orders (id, workspace_id, contact_id, company_id, amount, currency, ordered_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [
      newId('order', now.getTime()),
      workspaceId,
      input.contactId,
      companyId,
      input.amount.amount,
      input.amount.currency,
      at,
    ],
  );
  await makeCustomer(tx, workspaceId, input.contactId, 'order', at);
  return toOrder(rows[0]!);
}
