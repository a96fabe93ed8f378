import type { ActivityType } from '@chorus/contract';
import { newId } from '../ids.js';
import { DAY, type DemoWorld, iso } from './demo-story.js';
import { seededRandom } from './random.js';

const TASKS: readonly { type: ActivityType; body: string }[] = [
  { type: 'call', body: 'Call back about the quote.' },
  { type: 'email', body: 'Send the revised proposal.' },
  { type: 'meeting', body: 'Walk through the installation plan.' },
];

/**
 * Open tasks on about a third of the open deals, some overdue, so the board shows next activities.
 * Its own generator: the rest of the demo draws the same numbers as before tasks existed.
 */
export function addOpenTasks(world: DemoWorld): void {
  const rnd = seededRandom(20_261_129);
  for (const deal of world.rows.deals) {
    if (deal.status !== 'open' || !rnd.chance(0.35)) continue;
    const task = rnd.pick(TASKS);
    const createdAt = world.now - rnd.int(1, 10) * DAY;
    world.rows.activities.push({
      id: newId('activity', createdAt, rnd.next),
      workspaceId: world.workspaceId,
      type: task.type,
      contactId: deal.contactId,
      dealId: deal.id,
      ownerId: deal.ownerId,
      body: task.body,
      occurredAt: iso(createdAt),
      // 10:00 UTC between a week ago (overdue) and two weeks ahead.
      dueAt: iso(world.now + rnd.int(-7, 14) * DAY + 10 * 3_600_000),
      completedAt: null,
    });
  }
}
