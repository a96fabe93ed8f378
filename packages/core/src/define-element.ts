/**
 * Registers a tag once. A second copy of a Chorus package on the page (another version, bundled
 * twice) must not throw and break the page: it keeps the first definition and says so.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.warn(
      `<${tag}> is already defined by another copy of Chorus on this page; keeping the first one.`,
    );
  }
}
