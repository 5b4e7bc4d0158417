import type { Pool, PoolClient } from 'pg';

/** Receives the notification's payload ('' for append wake-ups). */
type Listener = (payload: string) => void;

/**
 * One LISTEN connection per process and channel (`es_events_appended` unless told otherwise);
 * wakes every subscriber. Notifications are hints: subscribers also poll or re-read, so a lost
 * connection only slows them.
 */
export class AppendNotifier {
  private client: PoolClient | undefined;
  private readonly listeners = new Set<Listener>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly onError: (error: Error) => void = () => undefined,
    private readonly channel = 'es_events_appended',
  ) {}

  async start(): Promise<void> {
    this.closed = false;
    await this.connect();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('notification');
      client.removeAllListeners('error');
      // On shutdown the server may already be gone; the connection is discarded either way.
      await client.query('UNLISTEN *').catch(() => undefined);
      client.release(true);
    }
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => this.emit(message.payload ?? ''));
    client.on('error', (error: Error) => {
      this.onError(error);
      client.release(error);
      if (this.client === client) this.client = undefined;
      this.scheduleReconnect();
    });
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.connect()
        .then(() => this.emit(''))
        .catch((error: Error) => {
          this.onError(error);
          this.scheduleReconnect();
        });
    }, 1000);
  }

  private emit(payload: string): void {
    for (const listener of this.listeners) listener(payload);
  }
}
