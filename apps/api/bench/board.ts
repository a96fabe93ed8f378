/**
 * The board's first screen at this size (issue 14: "first screen of every column ≤ 150 kB at any
 * size"): the one request a `<chorus-pipeline-board>` makes on first paint (25 cards per column,
 * `FIRST_PAGE` in packages/pipeline-board/src/column-pages.ts), its bytes as sent (uncompressed
 * JSON) and its time, beside how many deals the pipeline holds; and the bytes of the same read at the
 * API's default page (50 per column), what an SDK caller gets without a `limit`.
 */
import { DEMO_SECRET_KEY } from '../src/seed/demo.js';
import type { BoardFigures } from './types.js';

const BOARD = '/v1/pipelines/pip_demonewbusiness/board';
export const BOARD_PATH = `${BOARD}?limit=25`;
/** The goal for the first screen, in bytes. */
export const BOARD_GOAL_BYTES = 150_000;

interface BoardBody {
  stages: { count: number }[];
  deals: unknown[];
}

export async function measureBoard(baseUrl: string, runs = 10): Promise<BoardFigures> {
  const once = async (path = BOARD_PATH) => {
    const started = performance.now();
    const response = await fetch(baseUrl + path, {
      headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return { ms, text };
  };
  const { text } = await once();
  const atDefault = await once(BOARD);
  const body = JSON.parse(text) as BoardBody;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  return {
    path: BOARD_PATH,
    bytes: Buffer.byteLength(text),
    defaultPageBytes: Buffer.byteLength(atDefault.text),
    dealsShown: body.deals.length,
    dealsInPipeline: body.stages.reduce((sum, stage) => sum + stage.count, 0),
    columns: body.stages.length,
    medianMs: times[Math.floor(times.length / 2)]!,
  };
}
