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
export { KeyboardDnd, type Carry } from './keyboard-dnd.js';
export {
  SORTS,
  boardTotals,
  buildColumns,
  daysInStage,
  figuresOf,
  isRotting,
  isSort,
  matches,
  ownersOf,
  rottingThreshold,
  type BoardDeal,
  type BoardFilter,
  type BoardSort,
  type Column,
  type ColumnOptions,
  type Figures,
  type Placement,
  type Stage,
} from './board-model.js';
