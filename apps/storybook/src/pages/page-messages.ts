import type { MessageCatalogue } from '@chorus/core';

/**
 * The demo pages' own English strings: the stage-entries panel (shared by the Marketing page and
 * the sales workspace), the Marketing page's headings and the sales workspace's link to it.
 */
export const PAGE_MESSAGES = {
  'stageEntries.heading': 'Who entered “{stage}”',
  'stageEntries.summary.one': '{count} contact entered this stage from {from} to {to}.',
  'stageEntries.summary.other': '{count} contacts entered this stage from {from} to {to}.',
  'stageEntries.filter': 'Counted by their first touch: {filter}.',
  'stageEntries.column.contact': 'Contact',
  'stageEntries.column.entered': 'Entered',
  'stageEntries.column.campaign': 'First touch',
  'stageEntries.channelOnly': '{channel}, no campaign',
  'stageEntries.noTouch': 'No touch recorded',
  'stageEntries.returning': 'returning customer',
  'stageEntries.showing': 'Showing {shown} of {count}',
  'stageEntries.more': 'Show more',
  'stageEntries.loadingMore': 'Loading more…',
  'stageEntries.loading': 'Loading the contacts…',
  'stageEntries.empty': 'Nobody entered this stage in the period.',
  'stageEntries.error': 'The contacts could not be loaded: {detail}',
  'stageEntries.close': 'Close',
  'marketing.heading': 'Marketing',
  'marketing.bySource': '{product}: ratings by source',
  'marketing.column.source': 'Source',
  'marketing.column.count': 'Ratings',
  'marketing.column.average': 'Average (of 5)',
  'marketing.source.website': 'Website',
  'marketing.source.marketplace': 'Marketplace',
  'marketing.source.survey': 'Survey',
  'salesWorkspace.funnel': 'Where the leads come from',
  'salesWorkspace.openMarketing': 'Open the Marketing page',
  'salesWorkspace.heading': 'Sales',
  'salesWorkspace.close': 'Close',
  'salesWorkspace.untitledDeal': 'Deal',
  'salesWorkspace.noContact': 'This deal has no contact.',
} as const satisfies MessageCatalogue;
