import { createHash } from 'node:crypto';
import type { LostReasonOption } from '@chorus/contract';
import type { z } from '@hono/zod-openapi';
import type { Sql } from '../db/database.js';

type LostReasonDto = z.infer<typeof LostReasonOption>;

/** What every new workspace starts with (migration 008 gave older workspaces the same list). */
export const DEFAULT_LOST_REASONS = [
  'Chose a competitor',
  'Price too high',
  'No budget',
  'No decision',
  'Bad timing',
] as const;

/** The same id for the same workspace and place on every machine, so the demo seeds identically. */
const reasonId = (workspaceId: string, position: number) =>
  `lr_${createHash('md5').update(`${workspaceId}${position}`).digest('hex').slice(0, 20)}`;

export async function addDefaultLostReasons(tx: Sql, workspaceId: string): Promise<void> {
  for (const [position, label] of DEFAULT_LOST_REASONS.entries()) {
    await tx.query('insert into lost_reasons (id, workspace_id, label, position) values ($1, $2, $3, $4)', [
      reasonId(workspaceId, position),
      workspaceId,
      label,
      position,
    ]);
  }
}

export async function listLostReasons(tx: Sql, workspaceId: string): Promise<LostReasonDto[]> {
  return tx.query<LostReasonDto>(
    'select id, label, position from lost_reasons where workspace_id = $1 order by position, id',
    [workspaceId],
  );
}
