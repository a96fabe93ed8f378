import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a carried item is: which list, and where in it (0 … the list's length without the item). */
export interface Carry {
  id: string;
  list: number;
  index: number;
}

/**
 * Keyboard drag and drop over a row of lists: lift an item, move it between lists and within one,
 * drop or cancel. It only keeps the position; the host renders it, announces it and decides what a
 * drop means. Letting go of the host cancels a carry, so nothing is left half-moved.
 */
export class KeyboardDnd implements ReactiveController {
  private current?: Carry;
  private origin?: Carry;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** How many items list `list` holds, not counting the carried one. */
    private readonly sizeOf: (list: number) => number,
    private readonly lists: () => number,
  ) {
    host.addController(this);
  }

  get carrying(): Readonly<Carry> | undefined {
    return this.current;
  }

  get from(): Readonly<Carry> | undefined {
    return this.origin;
  }

  lift(id: string, list: number, index: number): void {
    this.origin = { id, list, index };
    this.current = { ...this.origin };
    this.host.requestUpdate();
  }

  /** Moves the carried item `lists` lists across and `steps` places along, kept inside the board. */
  shift(lists: number, steps: number): void {
    if (!this.current) return;
    const list = Math.min(Math.max(this.current.list + lists, 0), this.lists() - 1);
    // Into another list: keep the same height where that list is long enough.
    const index = Math.min(Math.max(this.current.index + steps, 0), this.sizeOf(list));
    if (list === this.current.list && index === this.current.index) return;
    this.current = { ...this.current, list, index };
    this.host.requestUpdate();
  }

  /** Ends the carry where it is; the host makes the move. */
  drop(): Carry | undefined {
    const dropped = this.current;
    this.clear();
    return dropped;
  }

  /** Ends the carry and says where the item came from. */
  cancel(): Carry | undefined {
    const origin = this.origin;
    this.clear();
    return origin;
  }

  hostDisconnected(): void {
    this.clear();
  }

  private clear(): void {
    if (!this.current) return;
    this.current = undefined;
    this.origin = undefined;
    this.host.requestUpdate();
  }
}
