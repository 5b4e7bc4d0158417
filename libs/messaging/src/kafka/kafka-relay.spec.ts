import type { RecordedEvent } from '@upops/event-store';
import type { TopicMessages } from './event-message';
import { KafkaRelay } from './kafka-relay';
import type { MessageProducer } from './message-producer.port';

/** A producer that keeps what it was sent and can refuse a request, like a broker outage. */
class RecordingProducer implements MessageProducer {
  readonly requests: TopicMessages[][] = [];
  failNext = false;
  connect(): Promise<void> {
    return Promise.resolve();
  }
  disconnect(): Promise<void> {
    return Promise.resolve();
  }
  async send(batch: TopicMessages[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('broker unavailable');
    }
    this.requests.push(batch);
  }
}

const events: RecordedEvent[] = Array.from({ length: 25 }, (_, i) => ({
  eventId: `e${i}`,
  streamId: `s${i % 3}`,
  streamType: i % 2 ? 'inventory' : 'catalogue',
  streamVersion: Math.floor(i / 3) + 1,
  globalPosition: BigInt(i + 1),
  transactionId: BigInt(i + 1),
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: { actor: 'a' },
  recordedAt: new Date(0),
}));

describe('KafkaRelay', () => {
  it('sends a subscription batch in requests of the configured size', async () => {
    const producer = new RecordingProducer();
    await new KafkaRelay(producer, 'upops', 10).handle(events);
    expect(producer.requests.map((r) => r.reduce((n, t) => n + t.messages.length, 0))).toEqual([10, 10, 5]);
  });

  it('fails the batch when a request fails, so the checkpoint stays and the batch is sent again', async () => {
    const producer = new RecordingProducer();
    producer.failNext = true;
    await expect(new KafkaRelay(producer, 'upops', 10).handle(events)).rejects.toThrow('broker unavailable');
    await new KafkaRelay(producer, 'upops', 10).handle(events);
    const positions = producer.requests.flatMap((r) => r.flatMap((t) => t.messages.map((m) => Number(m.headers['global-position']))));
    expect(positions.sort((a, b) => a - b)).toEqual(events.map((e) => Number(e.globalPosition)));
  });
});
