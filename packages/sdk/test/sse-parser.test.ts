import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from '../src/sse-parser.js';

function parse(...chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const feed = createSseParser((event) => events.push(event));
  for (const chunk of chunks) feed(chunk);
  return events;
}

describe('the text/event-stream parser', () => {
  it('reads id, event and data, and skips comments (the heartbeat)', () => {
    expect(parse(': keep-alive\n\nid: 7\nevent: deal.moved\ndata: {"a":1}\n\n')).toEqual([
      { id: '7', event: 'deal.moved', data: '{"a":1}' },
    ]);
  });

  it('joins data lines with newlines, defaults the type to message, and takes one optional space', () => {
    expect(parse('data:first\ndata:  second\n\n')).toEqual([{ event: 'message', data: 'first\n second' }]);
  });

  it('handles CRLF and CR line ends, even a CRLF split across chunks', () => {
    // A CR at the end of a chunk waits for the next (it may be half of a CRLF): the comment flushes it.
    expect(parse('id: 1\r\ndata: a\r', '\n\r\nid: 2\rdata: b\r\r', ': next\n')).toEqual([
      { id: '1', event: 'message', data: 'a' },
      { id: '2', event: 'message', data: 'b' },
    ]);
  });

  it('holds an event until its blank line, across chunks of any size', () => {
    const events: ServerSentEvent[] = [];
    const feed = createSseParser((event) => events.push(event));
    const text = 'id: 10\nevent: rating.created\ndata: {"x":"ü"}\n\n';
    for (const char of text.slice(0, -1)) feed(char);
    expect(events).toEqual([]);
    feed('\n');
    expect(events).toEqual([{ id: '10', event: 'rating.created', data: '{"x":"ü"}' }]);
  });

  it('dispatches nothing for a block without data, and keeps the last id for later events', () => {
    expect(parse('id: 5\n\nevent: ready\nretry: 2000\n\ndata: later\n\n')).toEqual([
      { id: '5', event: 'message', data: 'later' },
    ]);
  });

  it('ignores an id with a NUL, and unknown fields', () => {
    expect(parse('id: 3\ndata: a\n\nid: 4\u0000\nfoo: bar\ndata: b\n\n')).toEqual([
      { id: '3', event: 'message', data: 'a' },
      { id: '3', event: 'message', data: 'b' },
    ]);
  });
});
