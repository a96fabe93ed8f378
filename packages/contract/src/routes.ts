import * as activities from './resources/activities.js';
import * as campaigns from './resources/campaigns.js';
import * as events from './resources/events.js';
import * as companies from './resources/companies.js';
import * as contacts from './resources/contacts.js';
import * as deals from './resources/deals.js';
import * as lostReasons from './resources/lost-reasons.js';
import * as metrics from './resources/metrics.js';
import * as orders from './resources/orders.js';
import * as pipelines from './resources/pipelines.js';
import * as ratings from './resources/ratings.js';
import * as tickets from './resources/tickets.js';
import * as workspace from './resources/workspace.js';

/** Every route of the API, by operation name. The API mounts exactly these; the document lists exactly these. */
export const routes = {
  getWorkspace: workspace.getWorkspace,
  updateWorkspace: workspace.updateWorkspace,
  listUsers: workspace.listUsers,
  listKeys: workspace.listKeys,
  createKey: workspace.createKey,
  revokeKey: workspace.revokeKey,
  createSession: workspace.createSession,
  listSessions: workspace.listSessions,
  revokeSession: workspace.revokeSession,
  listContacts: contacts.listContacts,
  createContact: contacts.createContact,
  getContact: contacts.getContact,
  updateContact: contacts.updateContact,
  listContactLifecycle: contacts.listContactLifecycle,
  getContactInsights: contacts.getContactInsights,
  listContactTouches: campaigns.listContactTouches,
  createContactTouch: campaigns.createContactTouch,
  listCompanies: companies.listCompanies,
  createCompany: companies.createCompany,
  getCompany: companies.getCompany,
  updateCompany: companies.updateCompany,
  listPipelines: pipelines.listPipelines,
  getPipeline: pipelines.getPipeline,
  createPipeline: pipelines.createPipeline,
  getPipelineBoard: pipelines.getPipelineBoard,
  listBoardStageDeals: pipelines.listBoardStageDeals,
  listDeals: deals.listDeals,
  createDeal: deals.createDeal,
  getDeal: deals.getDeal,
  updateDeal: deals.updateDeal,
  listDealHistory: deals.listDealHistory,
  listLostReasons: lostReasons.listLostReasons,
  listActivities: activities.listActivities,
  createActivity: activities.createActivity,
  completeActivity: activities.completeActivity,
  listOpenTasks: activities.listOpenTasks,
  listOrders: orders.listOrders,
  createOrder: orders.createOrder,
  listTickets: tickets.listTickets,
  createTicket: tickets.createTicket,
  updateTicket: tickets.updateTicket,
  listRatings: ratings.listRatings,
  createRating: ratings.createRating,
  submitPublicRating: ratings.submitPublicRating,
  getPublicRatingSummary: ratings.getPublicRatingSummary,
  listPublicReviews: ratings.listPublicReviews,
  moderateRating: ratings.moderateRating,
  getMetrics: metrics.getMetrics,
  getLifecycleFunnel: metrics.getLifecycleFunnel,
  listFunnelEntries: metrics.listFunnelEntries,
  getCampaignReport: metrics.getCampaignReport,
  listCampaigns: campaigns.listCampaigns,
  createCampaign: campaigns.createCampaign,
  getCampaign: campaigns.getCampaign,
  streamEvents: events.streamEvents,
} as const;

/** Paths a publishable key may call. Everything else needs a secret key or a session token. */
export const PUBLIC_PATHS = [
  ratings.submitPublicRating.path,
  ratings.getPublicRatingSummary.path,
  ratings.listPublicReviews.path,
] as const;
