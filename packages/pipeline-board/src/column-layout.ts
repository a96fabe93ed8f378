import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

// The layout types the package does not export, read off the flow layout it does.
type Size = FlowLayout['viewportSize'];
type Positions = FlowLayout['viewportScroll'];

/**
 * Lays a column's cards out over the column's own box, wherever the window is. The virtualizer tells
 * its layout only the part of the host inside the window, so a column below the fold (a board under
 * the tiles on a phone) rendered no cards at all until the page scrolled to it, and a full-page
 * capture or a print showed empty columns. A column scrolls itself within a bounded height, so
 * keeping its own screen of cards rendered costs a few dozen cards per column, however far away it is.
 * A hidden column has no box, and renders nothing, as before.
 */
export class ColumnLayout extends FlowLayout {
  /** The column's card list: the virtualizer's host, which is its own scroller. From the config. */
  list?: () => Element | null;

  override get viewportSize(): Size {
    return super.viewportSize;
  }
  override set viewportSize(clipped: Size) {
    const list = this.list?.();
    super.viewportSize = list ? { width: list.clientWidth, height: list.clientHeight } : clipped;
  }

  override get viewportScroll(): Positions {
    return super.viewportScroll;
  }
  override set viewportScroll(clipped: Positions) {
    const list = this.list?.();
    super.viewportScroll = list ? { top: list.scrollTop, left: list.scrollLeft } : clipped;
  }
}

/**
 * The `layout` a column's `virtualize` takes: its cards over its own box, which `list` finds. (The
 * layout takes its config a microtask after it is made, before the virtualizer first measures.)
 */
export const columnLayout = (list: () => Element | null) => ({ type: ColumnLayout, list });
