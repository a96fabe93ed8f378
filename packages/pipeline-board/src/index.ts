export { ChorusPipelineBoard } from './pipeline-board.js';
export { ChorusDealCard } from './deal-card.js';
export {
  ChorusContactOpenEvent,
  ChorusDealMoveEvent,
  ChorusDealMovedEvent,
  ChorusDealOpenEvent,
} from './events.js';
export { DEAL_CARD_MESSAGES, PIPELINE_BOARD_MESSAGES } from './messages.js';
export { DEAL_CARD_TRANSLATIONS, PIPELINE_BOARD_TRANSLATIONS } from './translations.js';
// The board's model (grouping, figures, moves) and keyboard carry are its own: pages pass data and
// filters, and read events. Only what a page types its data and handlers with is exported.
export {
  SORTS,
  isSort,
  type BoardDeal,
  type BoardFilter,
  type BoardSort,
  type Stage,
} from './board-model.js';
