import { describe, expect, it } from 'vitest';
import {
  type CampaignRow,
  type FunnelData,
  funnelRows,
  isEmptyFunnel,
  periodRange,
  sortCampaigns,
} from '../src/index.js';

const figures = (entered: number) => ({
  entered,
  conversionRate: null,
  medianDaysToNext: null,
  returning: 0,
});

describe('funnel rows', () => {
  it('puts the stages in the agreed order, fills a missing one with zeros and sizes bars by the largest', () => {
    const data = {
      stages: [
        { stage: 'customer', current: figures(5), previous: figures(1) },
        { stage: 'lead', current: figures(20), previous: figures(10) },
      ],
    } as unknown as FunnelData;
    const rows = funnelRows(data);
    expect(rows.map((r) => r.stage)).toEqual([
      'subscriber',
      'lead',
      'marketing_qualified',
      'sales_qualified',
      'opportunity',
      'customer',
      'evangelist',
    ]);
    expect(rows.map((r) => r.share)).toEqual([0, 1, 0, 0, 0, 0.25, 0]);
    expect(rows.map((r) => r.next)).toEqual([
      'lead',
      'marketing_qualified',
      'sales_qualified',
      'opportunity',
      'customer',
      'evangelist',
      null,
    ]);
    expect(isEmptyFunnel(rows)).toBe(false);
    expect(isEmptyFunnel(funnelRows({ stages: [] } as unknown as FunnelData))).toBe(true);
  });
});

const campaign = (
  name: string,
  leads: number,
  roi: number | null,
  firstRoi: number | null = roi,
): CampaignRow =>
  ({
    campaign: { name },
    leads,
    customers: 0,
    cost: { amount: 100, currency: 'EUR' },
    revenue: { firstTouch: { amount: 0, currency: 'EUR' }, lastTouch: { amount: 0, currency: 'EUR' } },
    roi: { firstTouch: firstRoi, lastTouch: roi },
  }) as unknown as CampaignRow;

describe('sorting campaigns', () => {
  const rows = [campaign('Beta', 3, 0.5, 2), campaign('Alpha', 3, null, null), campaign('Gamma', 9, -0.2, 0)];
  const names = (sorted: CampaignRow[]) => sorted.map((row) => row.campaign.name);

  it('orders by a column either way, keeps campaigns without an ROI last, and breaks ties by name', () => {
    expect(names(sortCampaigns(rows, 'roi', 'descending', 'last_touch'))).toEqual(['Beta', 'Gamma', 'Alpha']);
    expect(names(sortCampaigns(rows, 'roi', 'ascending', 'last_touch'))).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(names(sortCampaigns(rows, 'leads', 'descending', 'last_touch'))).toEqual([
      'Gamma',
      'Alpha',
      'Beta',
    ]);
    expect(names(sortCampaigns(rows, 'name', 'descending', 'last_touch'))).toEqual([
      'Gamma',
      'Beta',
      'Alpha',
    ]);
  });

  it('reads revenue and ROI under the attribution model asked for', () => {
    expect(names(sortCampaigns(rows, 'roi', 'ascending', 'first_touch'))).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(
      names(
        sortCampaigns([campaign('A', 0, 1, 0), campaign('B', 0, 0, 1)], 'roi', 'descending', 'first_touch'),
      ),
    ).toEqual(['B', 'A']);
  });
});

describe('period range', () => {
  it('ends at the minute and reaches back the period, unless a custom range is given', () => {
    const now = new Date('2026-05-10T12:34:56.789Z');
    expect(periodRange('90d', now)).toEqual({
      from: '2026-02-09T12:34:00.000Z',
      to: '2026-05-10T12:34:00.000Z',
    });
    expect(periodRange('30d', now, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toEqual({
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
    });
  });
});
