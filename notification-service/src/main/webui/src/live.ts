// Server-sent events from /api/live, read with fetch so the token goes in the Authorization
// header (EventSource cannot send one). Reconnects with backoff; the caller refetches on
// every (re)connect, so nothing missed while disconnected stays missing.

export interface LiveEvent {
  type: string;
  appointmentId?: string;
  slotId?: string;
  doctorId?: string;
  start?: string;
  status?: string;
  source?: string;
  offerId?: string;
  at?: string;
}

export type LiveState = 'connecting' | 'live' | 'offline';

export interface SseMessage {
  event: string;
  data: string;
}

/** Splits an SSE byte stream into messages (WHATWG HTML, "event stream interpretation"). */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const skip = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + skip);
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') this.event = value;
        else if (field === 'data') this.data.push(value);
      }
    }
    return out;
  }
}

export function connectLive(
  token: () => string | null,
  onEvent: (event: LiveEvent) => void,
  onState: (state: LiveState) => void,
): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let delay = 1000;

  const run = async () => {
    while (!stopped) {
      const bearer = token();
      if (!bearer) return;
      controller = new AbortController();
      onState('connecting');
      try {
        const response = await fetch('/api/live', {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${bearer}` },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`live ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new SseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            if (message.event === 'ready') {
              delay = 1000;
              onState('live');
            } else if (message.event === 'change') {
              try {
                onEvent(JSON.parse(message.data) as LiveEvent);
              } catch {
                // a malformed message is skipped; the next refetch shows the truth
              }
            }
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      if (stopped) return;
      onState('offline');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30000);
    }
  };
  run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
