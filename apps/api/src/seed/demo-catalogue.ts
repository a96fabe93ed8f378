/**
 * What the demo workspace is made of before any story is told: its sales pipeline's agreed stages
 * (named, so the stories say "won", not 5) and its people.
 */

/** The agreed stages of the demo pipeline, in board order: open ones first, then won and lost. */
export const DEMO_STAGES = [
  {
    key: 'leadIn',
    name: 'Lead in',
    kind: 'open',
    probability: 0.1,
    rottingDays: 14,
    definition:
      'A named person at an organisation has shown interest (form, call or event) and has been assigned an owner.',
  },
  {
    key: 'qualified',
    name: 'Qualified',
    kind: 'open',
    probability: 0.2,
    rottingDays: 14,
    definition: 'Budget, need and timing confirmed on a call; the buyer has a project within six months.',
  },
  {
    key: 'demo',
    name: 'Demo',
    kind: 'open',
    probability: 0.4,
    rottingDays: 21,
    definition: 'A listening session or site visit has taken place with the people who will use the gear.',
  },
  {
    key: 'proposal',
    name: 'Proposal',
    kind: 'open',
    probability: 0.6,
    rottingDays: 21,
    definition: 'A written proposal with price and scope has been sent to the decision maker.',
  },
  {
    key: 'negotiation',
    name: 'Negotiation',
    kind: 'open',
    probability: 0.8,
    rottingDays: 14,
    definition:
      'The buyer has answered the proposal and terms (price, delivery, installation) are being agreed.',
  },
  {
    key: 'won',
    name: 'Won',
    kind: 'won',
    probability: 1,
    rottingDays: null,
    definition: 'A signed order or paid invoice.',
  },
  {
    key: 'lost',
    name: 'Lost',
    kind: 'lost',
    probability: 0,
    rottingDays: null,
    definition: 'The buyer said no or went silent for 30 days; a reason is recorded.',
  },
] as const;

export type DemoStageKey = (typeof DEMO_STAGES)[number]['key'];

/** The open stages a deal walks through, in order. */
export const OPEN_STAGE_KEYS = DEMO_STAGES.filter((stage) => stage.kind === 'open').map((stage) => stage.key);

/** The sales team; each owns companies, and through them contacts and deals. */
export const DEMO_USER_NAMES = [
  'Ana Lima',
  'Ben Carter',
  'Chloé Martin',
  'Dev Patel',
  'Eva Schulz',
  'Femi Adebayo',
];
