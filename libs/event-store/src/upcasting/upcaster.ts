/**
 * Old event shapes are upcast on read, never rewritten (ARCHITECTURE.md). An upcaster lifts
 * one event type from one schema version to the next; chains apply in order.
 */
export interface Upcaster {
  eventType: string;
  fromSchemaVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): void {
    const key = UpcasterChain.key(upcaster.eventType, upcaster.fromSchemaVersion);
    if (this.byKey.has(key)) {
      throw new Error(`two upcasters for ${upcaster.eventType} v${upcaster.fromSchemaVersion}`);
    }
    this.byKey.set(key, upcaster);
  }

  /** Returns the data in the newest shape this process knows, and that shape's version. */
  apply(eventType: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    let version = schemaVersion;
    let current = data;
    for (;;) {
      const next = this.byKey.get(UpcasterChain.key(eventType, version));
      if (!next) return { schemaVersion: version, data: current };
      current = next.upcast(current);
      version += 1;
    }
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  private static key(eventType: string, version: number): string {
    return `${eventType}@${version}`;
  }
}
