import { preconditionFailed, preconditionRequired } from '../errors.js';

/** Parses `If-Match: "3"`, `W/"3"` or `3`; throws 428 when absent and 412 when stale. */
export function assertVersion(ifMatch: string | undefined, current: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') throw preconditionRequired();
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match || Number(match[1]) !== current) throw preconditionFailed(current);
}

export const etag = (version: number) => `"${version}"`;
