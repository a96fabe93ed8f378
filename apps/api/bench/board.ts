/**
 * The board's first screen at this size (issue 14: "first screen of every column ≤ 150 kB at any
 * size"): the one request a `<chorus-pipeline-board>` makes on first paint, its bytes as sent
 * (uncompressed JSON) and its time, beside how many deals the pipeline holds.
 */
import { DEMO_SECRET_KEY } from '../src/seed/demo.js';
import type { BoardFigures } from './types.js';

export const BOARD_PATH = '/v1/pipelines/pip_demonewbusiness/board';
/** The goal for the first screen, in bytes. */
export const BOARD_GOAL_BYTES = 150_000;

interface BoardBody {
  stages: { count: number }[];
  deals: unknown[];
}

export async function measureBoard(baseUrl: string, runs = 10): Promise<BoardFigures> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(baseUrl + BOARD_PATH, {
      headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${BOARD_PATH} answered ${response.status}: ${text.slice(0, 300)}`);
    return { ms, text };
  };
  const { text } = await once();
  const body = JSON.parse(text) as BoardBody;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  return {
    path: BOARD_PATH,
    bytes: Buffer.byteLength(text),
    dealsShown: body.deals.length,
    dealsInPipeline: body.stages.reduce((sum, stage) => sum + stage.count, 0),
    columns: body.stages.length,
    medianMs: times[Math.floor(times.length / 2)]!,
  };
}
