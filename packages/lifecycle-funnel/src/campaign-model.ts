import type { CampaignReport } from '@chorus/sdk';

export type CampaignRow = CampaignReport['data'][number];
export type Attribution = 'first_touch' | 'last_touch';

/** The columns a campaign table sorts by. */
export const CAMPAIGN_COLUMNS = ['name', 'leads', 'customers', 'revenue', 'cost', 'roi'] as const;
export type CampaignColumn = (typeof CAMPAIGN_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

const touch = (attribution: Attribution) => (attribution === 'first_touch' ? 'firstTouch' : 'lastTouch');

/** A row's value in a column, under an attribution model (revenue and ROI depend on it). */
export function cellValue(row: CampaignRow, column: CampaignColumn, attribution: Attribution) {
  switch (column) {
    case 'name':
      return row.campaign.name;
    case 'leads':
      return row.leads;
    case 'customers':
      return row.customers;
    case 'revenue':
      return row.revenue[touch(attribution)].amount;
    case 'cost':
      return row.cost.amount;
    case 'roi':
      return row.roi[touch(attribution)];
  }
}

/**
 * The rows in a column's order; a campaign without an ROI (no cost in the period) sorts last either
 * way, and ties keep the name order, so the table never reshuffles rows that are equal.
 */
export function sortCampaigns(
  rows: readonly CampaignRow[],
  column: CampaignColumn,
  direction: SortDirection,
  attribution: Attribution,
  locale?: string,
): CampaignRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: CampaignRow, b: CampaignRow) => a.campaign.name.localeCompare(b.campaign.name, locale);
  return [...rows].sort((a, b) => {
    const x = cellValue(a, column, attribution);
    const y = cellValue(b, column, attribution);
    if (x === y) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), locale) : x - (y as number);
    return order === 0 ? byName(a, b) : sign * order;
  });
}
