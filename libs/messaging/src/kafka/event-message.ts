import type { RecordedEvent } from '@upops/event-store';

/** One event as carried on Kafka: its key is the stream id, so a stream stays in order. */
export interface OutboundMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface TopicMessages {
  topic: string;
  messages: OutboundMessage[];
}

export function topicFor(prefix: string, streamType: string): string {
  return `${prefix}.${streamType.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

export function encodeEvent(event: RecordedEvent): OutboundMessage {
  return {
    key: event.streamId,
    value: JSON.stringify({
      eventId: event.eventId,
      streamId: event.streamId,
      streamType: event.streamType,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition.toString(),
      transactionId: event.transactionId.toString(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt.toISOString(),
    }),
    headers: {
      'event-type': event.type,
      'global-position': event.globalPosition.toString(),
      'stream-version': String(event.streamVersion),
    },
  };
}

export function decodeEvent(value: string): RecordedEvent {
  const raw = JSON.parse(value) as Omit<RecordedEvent, 'globalPosition' | 'transactionId' | 'recordedAt'> & {
    globalPosition: string;
    transactionId: string;
    recordedAt: string;
  };
  return {
    ...raw,
    globalPosition: BigInt(raw.globalPosition),
    transactionId: BigInt(raw.transactionId),
    recordedAt: new Date(raw.recordedAt),
  };
}

/**
 * Splits a batch of events (in global order) into producer requests of at most
 * `maxPerSend` messages, grouped by topic. Each event appears once; the order of events
 * within a topic (and so within a stream) is the global order.
 */
export function planSends(events: readonly RecordedEvent[], prefix: string, maxPerSend: number): TopicMessages[][] {
  if (maxPerSend < 1) throw new Error('maxPerSend must be at least 1');
  const sends: TopicMessages[][] = [];
  for (let start = 0; start < events.length; start += maxPerSend) {
    const byTopic = new Map<string, OutboundMessage[]>();
    for (const event of events.slice(start, start + maxPerSend)) {
      const topic = topicFor(prefix, event.streamType);
      const list = byTopic.get(topic) ?? [];
      list.push(encodeEvent(event));
      byTopic.set(topic, list);
    }
    sends.push([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
  return sends;
}

/**
 * Drops redeliveries inside one delivered batch and those at or below the last position
 * already handled for the same stream (Kafka delivers at least once). The durable check is
 * the inbox; this keeps a batch from handing one event to a handler twice.
 */
export function firstDeliveries(events: readonly RecordedEvent[], lastHandledByStream: ReadonlyMap<string, bigint> = new Map()): RecordedEvent[] {
  const seen = new Set<bigint>();
  const out: RecordedEvent[] = [];
  for (const event of events) {
    const last = lastHandledByStream.get(event.streamId);
    if (seen.has(event.globalPosition) || (last !== undefined && event.globalPosition <= last)) continue;
    seen.add(event.globalPosition);
    out.push(event);
  }
  return out;
}
