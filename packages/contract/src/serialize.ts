/** The one way the document is written to disk, so the drift test compares like with like. */
export function serializeDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
