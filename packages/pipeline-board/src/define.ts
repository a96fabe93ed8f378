import { defineElement } from '@chorus/core';
import { ChorusPipelineBoard } from './pipeline-board.js';

defineElement('chorus-pipeline-board', ChorusPipelineBoard);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-pipeline-board': ChorusPipelineBoard;
  }
}
