/** A Server-Sent Events reader for tests: the events as they arrive, parsed by the spec's rules. */
export interface StreamedEvent {
  id?: string;
  event: string;
  data: string;
}

export interface OpenStream {
  status: number;
  headers: Headers;
  /** Every event so far (comments and the retry hint left out). */
  events: StreamedEvent[];
  /** The problem body when the stream was refused. */
  problem?: { type: string; status: number; detail?: string };
  /** Waits until `predicate` holds for the events received (default 5 s). */
  until(predicate: (events: StreamedEvent[]) => boolean, message: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openEventStream(
  url: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: StreamedEvent[] = [];
  const stream: OpenStream = {
    status: response.status,
    headers: response.headers,
    events,
    async until(predicate, message, timeoutMs = 5_000) {
      const start = Date.now();
      while (!predicate(events)) {
        if (Date.now() - start > timeoutMs) {
          throw new Error(`timed out waiting for ${message}; got ${JSON.stringify(events)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () => abort.abort(),
  };
  if (!response.ok) {
    stream.problem = (await response.json()) as OpenStream['problem'];
    return stream;
  }
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: StreamedEvent = { event: 'message', data: '' };
          const data: string[] = [];
          let fields = 0;
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon === 0) continue; // a comment: the heartbeat
            const name = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (name === 'id') event.id = value;
            else if (name === 'event') event.event = value;
            else if (name === 'data') data.push(value);
            else continue;
            fields++;
          }
          event.data = data.join('\n');
          if (fields > 0) events.push(event);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close(): the test is done with it.
    }
  })();
  return stream;
}
