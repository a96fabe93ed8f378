import { defineElement } from '@chorus/core';
import { ChorusMetricTile } from './metric-tile.js';
import { ChorusMetricsGrid } from './metrics-grid.js';

defineElement('chorus-metric-tile', ChorusMetricTile);
defineElement('chorus-metrics-grid', ChorusMetricsGrid);

declare global {
  interface HTMLElementTagNameMap {
    'chorus-metric-tile': ChorusMetricTile;
    'chorus-metrics-grid': ChorusMetricsGrid;
  }
}
