export { ChorusLifecycleFunnel, FUNNEL_LAYOUTS, type FunnelLayout } from './lifecycle-funnel.js';
export { ChorusCampaignTable } from './campaign-table.js';
export { ChorusStageSelectEvent } from './events.js';
export {
  funnelRows,
  isEmptyFunnel,
  type FunnelData,
  type FunnelStage,
  type StageRow,
} from './funnel-model.js';
export {
  CAMPAIGN_COLUMNS,
  cellValue,
  sortCampaigns,
  type Attribution,
  type CampaignColumn,
  type CampaignRow,
  type SortDirection,
} from './campaign-model.js';
export { PERIODS, periodRange, type Period, type PeriodRange } from './period.js';
export { LIFECYCLE_FUNNEL_MESSAGES } from './messages.js';
export { LIFECYCLE_FUNNEL_TRANSLATIONS } from './translations.js';
