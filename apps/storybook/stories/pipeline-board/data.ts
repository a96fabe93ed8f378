import type { BoardDeal, Stage } from '@chorus/pipeline-board';

/** A small presentational pipeline, so stories that move deals never change the shared demo data. */
export const STAGES: Stage[] = [
  {
    id: 'stg_story0',
    name: 'Lead in',
    position: 0,
    kind: 'open',
    probability: 0.1,
    definition: 'Someone showed interest and we know who they are.',
    rottingDays: 7,
  },
  {
    id: 'stg_story1',
    name: 'Qualified',
    position: 1,
    kind: 'open',
    probability: 0.3,
    definition: 'Budget, authority, need and timing confirmed on a call.',
    rottingDays: 14,
  },
  {
    id: 'stg_story2',
    name: 'Proposal',
    position: 2,
    kind: 'open',
    probability: 0.6,
    definition: 'A written proposal with price and scope has been sent to the decision maker.',
    rottingDays: 10,
  },
  {
    id: 'stg_story3',
    name: 'Won',
    position: 3,
    kind: 'won',
    probability: 1,
    definition: 'Signed.',
    rottingDays: null,
  },
  {
    id: 'stg_story4',
    name: 'Lost',
    position: 4,
    kind: 'lost',
    probability: 0,
    definition: 'They said no, with a reason.',
    rottingDays: null,
  },
];

export const PIPELINE = {
  id: 'pip_story',
  name: 'New business',
  createdAt: '2026-01-01T00:00:00.000Z',
  stages: STAGES,
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Ranks in the order deals are made, as the API gives new deals: each goes last in its stage. */
let made = 0;

export function deal(
  id: string,
  title: string,
  stage: number,
  amount: number,
  extra: Partial<BoardDeal> = {},
): BoardDeal {
  return {
    id,
    title,
    value: { amount, currency: 'EUR' },
    stageId: STAGES[stage]!.id,
    status: STAGES[stage]!.kind,
    contactId: null,
    companyId: null,
    companyName: 'Northwind Studios',
    ownerId: 'usr_story1',
    ownerName: 'Mara Okafor',
    expectedCloseDate: '2026-09-30',
    nextActivity: null,
    stageEnteredAt: daysAgo(3),
    closedAt: STAGES[stage]!.kind === 'open' ? null : daysAgo(2),
    rank: `f${(made++).toString(16).padStart(6, '0')}`,
    version: 1,
    ...extra,
  };
}

export const DEALS: BoardDeal[] = [
  deal('deal_story01', 'Studio monitors for 12 rooms', 0, 1_440_000, {
    stageEnteredAt: daysAgo(9),
    // Overdue: the card says so in words and in the warning colour.
    nextActivity: { id: 'act_story01', type: 'call', body: 'Call back about room sizes', dueAt: daysAgo(2) },
  }),
  deal('deal_story02', 'Standing desks', 0, 820_000, {
    companyName: 'Blue Harbor',
    ownerId: 'usr_story2',
    ownerName: 'Jonas Berg',
  }),
  deal('deal_story03', 'Acoustic panels', 1, 310_000, {
    nextActivity: { id: 'act_story03', type: 'email', body: 'Send the sample pack', dueAt: daysAgo(-4) },
  }),
  deal('deal_story04', 'Licences, 40 seats', 1, 960_000, {
    companyName: 'Kestrel Labs',
    stageEnteredAt: daysAgo(20),
  }),
  deal('deal_story05', 'Conference room AV', 2, 2_150_000, {
    ownerId: 'usr_story2',
    ownerName: 'Jonas Berg',
  }),
  deal('deal_story06', 'Headsets', 3, 180_000),
];

/** 10,000 deals over 8 stages, one column of 3,000: the board the benchmark measures. */
export function bigBoard() {
  const names = ['Lead in', 'Contacted', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost'];
  const stages: Stage[] = names.map((name, i) => ({
    id: `stg_big${i}`,
    name,
    position: i,
    kind: i === 6 ? 'won' : i === 7 ? 'lost' : 'open',
    probability: [0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 1, 0][i]!,
    definition: `The agreed entry criteria of ${name}.`,
    rottingDays: 21,
  }));
  const deals: BoardDeal[] = Array.from({ length: 10_000 }, (_, i) => {
    const stage = stages[i < 3000 ? 0 : 1 + (i % 7)]!;
    return {
      id: `deal_big${String(i).padStart(6, '0')}`,
      title: `Deal ${i + 1}`,
      value: { amount: ((i * 7919) % 500_000) + 10_000, currency: 'EUR' },
      stageId: stage.id,
      status: stage.kind,
      contactId: null,
      companyId: null,
      companyName: `Company ${i % 300}`,
      ownerId: `usr_big${i % 12}`,
      ownerName: `Owner ${(i % 12) + 1}`,
      expectedCloseDate: null,
      nextActivity: null,
      stageEnteredAt: daysAgo(i % 40),
      closedAt: stage.kind === 'open' ? null : daysAgo(i % 40),
      rank: `f${i.toString(16).padStart(6, '0')}`,
      version: 1,
    };
  });
  return { pipeline: { ...PIPELINE, id: 'pip_big', name: '10,000 deals', stages }, deals };
}
