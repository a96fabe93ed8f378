import type { InvalidateQueryFilters, QueryClient } from '@tanstack/query-core';
import { chorusKeys as keys, listFiltersOf } from './keys.js';
import type { Activity, Campaign, Company, Contact, Deal, Order, Rating, Ticket } from './types.js';

type Targets = InvalidateQueryFilters[];

/** Deal lists that can hold a deal of this pipeline: filtered to it, or not filtered by pipeline. */
function dealListsOfPipeline(pipelineId: string): InvalidateQueryFilters {
  return {
    queryKey: keys.deals.lists(),
    predicate: (query) => {
      const pipeline = listFiltersOf(query.queryKey)?.['pipelineId'];
      return pipeline === undefined || pipeline === pipelineId;
    },
  };
}

/** Everything cached about one contact: detail, insights, lifecycle, and the lists it appears in. */
function contactEverywhere(contactId: string): Targets {
  return [{ queryKey: keys.contacts.one(contactId) }, { queryKey: keys.contacts.lists() }];
}

function contactIfAny(contactId: string | null | undefined): Targets {
  return contactId ? contactEverywhere(contactId) : [];
}

const metrics: InvalidateQueryFilters = { queryKey: keys.metrics.all() };

/**
 * Every pipeline's board: a card shows its deal's next activity, and an activity names its deal but
 * not the deal's pipeline.
 */
const everyBoard: InvalidateQueryFilters = {
  queryKey: keys.pipelines.all(),
  predicate: (query) => query.queryKey[4] === 'board',
};

/** A task changes the open tasks, and, on a deal, that deal's next activity on the board. */
function tasksOf(activity: Pick<Activity, 'dealId' | 'dueAt'>): Targets {
  if (activity.dueAt === null) return [];
  return [{ queryKey: keys.activities.allTasks() }, ...(activity.dealId ? [everyBoard] : [])];
}

/**
 * What each change makes stale, one row per change. The server derives a lot (a won deal or an
 * order makes its contact a customer; ratings and orders feed insights and metrics), so the rows
 * follow the server's rules, not just the record that was written.
 */
export const invalidationRules = {
  contactCreated: (_contact: Pick<Contact, 'id'>): Targets => [{ queryKey: keys.contacts.lists() }, metrics],
  contactUpdated: (contact: Pick<Contact, 'id'>): Targets => [...contactEverywhere(contact.id), metrics],

  /** A campaign's cost counts in the campaign metrics, the funnel's filters and the report. */
  campaignCreated: (_campaign: Pick<Campaign, 'id'>): Targets => [
    { queryKey: keys.campaigns.lists() },
    metrics,
  ],
  /** A touch changes whom campaigns are credited with. */
  touchRecorded: (contactId: string): Targets => [{ queryKey: keys.contacts.touches(contactId) }, metrics],

  companyCreated: (_company: Pick<Company, 'id'>): Targets => [{ queryKey: keys.companies.lists() }],
  companyUpdated: (company: Pick<Company, 'id'>): Targets => [
    { queryKey: keys.companies.one(company.id) },
    { queryKey: keys.companies.lists() },
  ],

  pipelineCreated: (): Targets => [{ queryKey: keys.pipelines.all() }],

  dealCreated: (deal: Pick<Deal, 'pipelineId'>): Targets => [
    dealListsOfPipeline(deal.pipelineId),
    { queryKey: keys.pipelines.board(deal.pipelineId) },
    metrics,
  ],
  dealUpdated: (deal: Pick<Deal, 'id' | 'pipelineId'>): Targets => [
    { queryKey: keys.deals.one(deal.id) },
    dealListsOfPipeline(deal.pipelineId),
    { queryKey: keys.pipelines.board(deal.pipelineId) },
    metrics,
  ],
  /**
   * Moving into `won` makes the contact a customer, so its record changes too. The pipeline's board
   * is not refetched (it may hold 10,000 deals): the move writes the server's answer into it.
   */
  dealMoved: (deal: Pick<Deal, 'id' | 'pipelineId' | 'contactId'>): Targets => [
    { queryKey: keys.deals.one(deal.id) },
    dealListsOfPipeline(deal.pipelineId),
    metrics,
    ...contactIfAny(deal.contactId),
  ],

  activityCreated: (activity: Pick<Activity, 'contactId' | 'dealId' | 'dueAt'>): Targets => [
    { queryKey: keys.activities.lists() },
    { queryKey: keys.contacts.insights(activity.contactId) },
    ...tasksOf(activity),
  ],
  /** Done, a task counts as a touch (the contact's last activity) and leaves the open tasks. */
  taskCompleted: (task: Pick<Activity, 'contactId' | 'dealId' | 'dueAt'>): Targets => [
    { queryKey: keys.activities.lists() },
    { queryKey: keys.contacts.insights(task.contactId) },
    ...tasksOf(task),
  ],

  orderCreated: (order: Pick<Order, 'contactId'>): Targets => [
    { queryKey: keys.orders.lists() },
    ...contactEverywhere(order.contactId),
    metrics,
  ],

  ticketChanged: (_ticket: Pick<Ticket, 'id'>): Targets => [{ queryKey: keys.tickets.lists() }, metrics],

  ratingCreated: (rating: Pick<Rating, 'subject' | 'contactId'>): Targets => [
    { queryKey: keys.ratings.lists() },
    { queryKey: keys.ratings.summary({ subject: rating.subject }) },
    { queryKey: keys.ratings.reviews({ subject: rating.subject }) },
    ...contactIfAny(rating.contactId),
    metrics,
  ],
  /** Hidden or shown: the subject's public reviews and the lists change; scores, summaries and metrics do not. */
  ratingModerated: (rating: Pick<Rating, 'subject'>): Targets => [
    { queryKey: keys.ratings.lists() },
    { queryKey: keys.ratings.reviews({ subject: rating.subject }) },
  ],
};

/** Marks every target stale and refetches the ones on screen. */
export async function invalidate(queryClient: QueryClient, targets: Targets): Promise<void> {
  await Promise.all(targets.map((target) => queryClient.invalidateQueries(target)));
}
