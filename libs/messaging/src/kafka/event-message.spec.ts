import type { RecordedEvent } from '@upops/event-store';
import { decodeEvent, encodeEvent, firstDeliveries, planSends, topicFor } from './event-message';

let position = 0n;
function event(streamId: string, streamType: string, streamVersion: number): RecordedEvent {
  position += 1n;
  return {
    eventId: `e-${position}`,
    streamId,
    streamType,
    streamVersion,
    globalPosition: position,
    transactionId: 1000n + position,
    type: 'ActivityRecorded',
    schemaVersion: 1,
    data: { value: Number(position) },
    metadata: { actor: 'a' },
    recordedAt: new Date('2026-01-01T00:00:00Z'),
  };
}

describe('Kafka event messages', () => {
  const events = [
    event('inv-1', 'inventory', 1),
    event('cat-1', 'catalogue', 1),
    event('inv-1', 'inventory', 2),
    event('inv-2', 'inventory', 1),
    event('inv-1', 'inventory', 3),
    event('cat-1', 'catalogue', 2),
    event('inv-2', 'inventory', 2),
  ];

  it('names a topic per stream type under the prefix', () => {
    expect(topicFor('upops', 'inventory')).toBe('upops.inventory');
    expect(topicFor('upops', 'odd type/x')).toBe('upops.odd_type_x');
  });

  it('keys every message by stream id and round-trips the event, bigints included', () => {
    const message = encodeEvent(events[2]);
    expect(message.key).toBe('inv-1');
    expect(message.headers['global-position']).toBe(events[2].globalPosition.toString());
    expect(decodeEvent(message.value)).toEqual(events[2]);
  });

  it('batches into requests of at most N messages, each event once', () => {
    const sends = planSends(events, 'upops', 3);
    expect(sends).toHaveLength(3);
    for (const send of sends) {
      expect(send.reduce((n, t) => n + t.messages.length, 0)).toBeLessThanOrEqual(3);
    }
    const positions = sends.flatMap((s) => s.flatMap((t) => t.messages.map((m) => m.headers['global-position'])));
    expect(positions.sort()).toEqual(events.map((e) => e.globalPosition.toString()).sort());
  });

  it('keeps each stream in global order across requests', () => {
    const sends = planSends(events, 'upops', 2);
    const versionsOf = (streamId: string) =>
      sends.flatMap((s) => s.flatMap((t) => t.messages.filter((m) => m.key === streamId).map((m) => Number(m.headers['stream-version']))));
    expect(versionsOf('inv-1')).toEqual([1, 2, 3]);
    expect(versionsOf('inv-2')).toEqual([1, 2]);
    expect(versionsOf('cat-1')).toEqual([1, 2]);
    const topics = sends[0].map((t) => t.topic).sort();
    expect(topics).toEqual(['upops.catalogue', 'upops.inventory']);
  });

  it('rejects an empty request size', () => {
    expect(() => planSends(events, 'upops', 0)).toThrow('maxPerSend');
  });

  it('drops redeliveries within a batch and positions already handled for a stream', () => {
    const redelivered = [events[0], events[2], events[0], events[3], events[2]];
    expect(firstDeliveries(redelivered).map((e) => e.globalPosition)).toEqual([events[0], events[2], events[3]].map((e) => e.globalPosition));
    const handled = new Map([['inv-1', events[2].globalPosition]]);
    expect(firstDeliveries(redelivered, handled).map((e) => e.streamId)).toEqual(['inv-2']);
  });
});
