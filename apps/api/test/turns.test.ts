import { describe, expect, it } from 'vitest';
import { Turns } from '../src/db/turns.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('turns (how PGlite is shared)', () => {
  it('runs one job at a time, and a newcomer waits for one of a busy owner’s jobs, not all of them', async () => {
    const turns = new Turns();
    const ran: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      ran.push(name);
      running--;
      return name;
    };
    const dashboard = {};
    const pieces = Array.from({ length: 5 }, (_, i) => turns.run(dashboard, job(`d${i}`)));
    const list = turns.run({}, job('list'));
    const later = turns.run(dashboard, job('d5'));
    expect(await Promise.all([...pieces, list, later])).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'list', 'd5']);
    expect(ran).toEqual(['d0', 'list', 'd1', 'd2', 'd3', 'd4', 'd5']);
    expect(most).toBe(1);
  });

  it("passes a job's failure to its caller and goes on with the next", async () => {
    const turns = new Turns();
    const failing = turns.run({}, async () => {
      throw new Error('boom');
    });
    const next = turns.run({}, async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('lets the event loop read what came in between two jobs of one owner', async () => {
    const turns = new Turns();
    const ran: string[] = [];
    const owner = {};
    // Jobs that hold the thread for a few milliseconds, as PGlite's statements do.
    const quick = (name: string) => async () => {
      const until = performance.now() + 3;
      while (performance.now() < until);
      ran.push(name);
    };
    const first = turns.run(owner, quick('a1'));
    const rest = [turns.run(owner, quick('a2')), turns.run(owner, quick('a3'))];
    // A timer stands for a request arriving: it must get in before the owner's last job.
    setTimeout(() => void turns.run({}, quick('b')), 0);
    await Promise.all([first, ...rest]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ran.indexOf('b')).toBeLessThan(ran.indexOf('a3'));
  });
});
