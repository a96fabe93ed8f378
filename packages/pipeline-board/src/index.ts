export { ChorusPipelineBoard } from './pipeline-board.js';
export { ChorusDealMoveEvent, ChorusDealMovedEvent, ChorusDealOpenEvent } from './events.js';
export { PIPELINE_BOARD_MESSAGES } from './messages.js';
export { KeyboardDnd, type Carry } from './keyboard-dnd.js';
export {
  SORTS,
  applyMove,
  boardTotals,
  buildColumns,
  daysInStage,
  figuresOf,
  isRotting,
  isSort,
  matches,
  ownersOf,
  rankAt,
  rankOf,
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
