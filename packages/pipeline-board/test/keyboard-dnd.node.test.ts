import { describe, expect, it } from 'vitest';
import { KeyboardDnd } from '../src/keyboard-dnd.js';

/** A minimal host: counts the updates it was asked for. */
function host() {
  const controllers: unknown[] = [];
  let updates = 0;
  return {
    addController: (c: unknown) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {
      updates++;
    },
    updateComplete: Promise.resolve(true),
    get updates() {
      return updates;
    },
    controllers,
  };
}

describe('KeyboardDnd', () => {
  const sizes = [3, 0, 5];
  it('lifts, moves within the board only, and drops where it is', () => {
    const h = host();
    const dnd = new KeyboardDnd(
      h,
      (list) => sizes[list]!,
      () => sizes.length,
    );
    expect(h.controllers).toEqual([dnd]);
    dnd.lift('d1', 0, 2);
    dnd.shift(-1, 0);
    expect(dnd.carrying).toEqual({ id: 'd1', list: 0, index: 2 });
    dnd.shift(1, 0);
    // The empty list takes it at its only place.
    expect(dnd.carrying).toEqual({ id: 'd1', list: 1, index: 0 });
    dnd.shift(1, 0);
    dnd.shift(0, 9);
    expect(dnd.carrying).toEqual({ id: 'd1', list: 2, index: 5 });
    expect(dnd.from).toEqual({ id: 'd1', list: 0, index: 2 });
    expect(dnd.drop()).toEqual({ id: 'd1', list: 2, index: 5 });
    expect(dnd.carrying).toBeUndefined();
  });

  it('cancels back to where it came from, and a disconnected host cancels', () => {
    const h = host();
    const dnd = new KeyboardDnd(
      h,
      (list) => sizes[list]!,
      () => sizes.length,
    );
    dnd.lift('d1', 2, 1);
    dnd.shift(-1, 0);
    expect(dnd.cancel()).toEqual({ id: 'd1', list: 2, index: 1 });
    dnd.lift('d1', 2, 1);
    const before = h.updates;
    dnd.hostDisconnected();
    expect(dnd.carrying).toBeUndefined();
    expect(h.updates).toBe(before + 1);
  });
});
