/** One Server-Sent Event: its `id:`, `event:` (default `message`) and `data:` lines joined by newlines. */
export interface ServerSentEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * Splits a text/event-stream into events by the HTML standard's rules (lines ending in CRLF, LF or
 * CR; `field: value` with one optional space; comments starting with `:`; an event dispatched at a
 * blank line when it has data). Written here rather than taken from a library: what the feed needs
 * is these thirty lines, and a parser package would have weighed 1.4 kB in every page's kit.
 * Feed it decoded text in chunks of any size.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): (chunk: string) => void {
  let buffer = '';
  let id: string | undefined;
  let event = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0)
        onEvent({ ...(id === undefined ? {} : { id }), event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + (text[colon + 1] === ' ' ? 2 : 1));
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    // The last event id persists across events, as the standard says; a NUL makes it ignored.
    else if (field === 'id' && !value.includes('\0')) id = value;
  };
  return (chunk) => {
    buffer += chunk;
    // A CR at the very end may be the first half of a CRLF split across chunks: keep it for the next.
    const lines = buffer.split(/\r\n|\r(?!$)|\n/);
    buffer = lines.pop() ?? '';
    for (const text of lines) line(text);
  };
}
