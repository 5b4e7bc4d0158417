/** One unit of work that writes `eventsPerOp` events (one statement / one append call). */
export interface Writer {
  readonly eventsPerOp: number;
  write(): Promise<void>;
}

export interface CaseStats {
  ops: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Accumulates per-operation latencies and measured wall time over several rounds. */
export class Recorder {
  private readonly latenciesMs: number[] = [];
  private events = 0;
  private elapsedNs = 0n;

  addLatency(ms: number, events: number): void {
    this.latenciesMs.push(ms);
    this.events += events;
  }

  addElapsed(ns: bigint): void {
    this.elapsedNs += ns;
  }

  stats(): CaseStats {
    const sorted = [...this.latenciesMs].sort((a, b) => a - b);
    const seconds = Number(this.elapsedNs) / 1e9;
    return {
      ops: sorted.length,
      events: this.events,
      seconds,
      eventsPerSecond: seconds > 0 ? this.events / seconds : 0,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
    };
  }
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Runs `ops` operations on each writer concurrently; only the wall time of the whole is recorded. */
export async function runWriters(writers: readonly Writer[], ops: number, recorder?: Recorder): Promise<void> {
  const started = process.hrtime.bigint();
  await Promise.all(writers.map((writer) => runOne(writer, ops, recorder)));
  recorder?.addElapsed(process.hrtime.bigint() - started);
}

async function runOne(writer: Writer, ops: number, recorder?: Recorder): Promise<void> {
  for (let i = 0; i < ops; i++) {
    const started = process.hrtime.bigint();
    await writer.write();
    recorder?.addLatency(Number(process.hrtime.bigint() - started) / 1e6, writer.eventsPerOp);
  }
}

export interface PairPlan {
  /** Untimed operations per writer before measuring: fills caches, plans and connections. */
  warmupOps: number;
  /** Measured operations per writer, split evenly over the rounds. */
  ops: number;
  /**
   * Raw and append alternate in rounds (raw first in even rounds, append first in odd ones),
   * so drift over time (checkpoints, WAL segment switches, autovacuum) hits both alike.
   */
  rounds: number;
}

export interface PairResult {
  raw: CaseStats;
  append: CaseStats;
}

/** Measures a raw workload against its event-store twin under the same plan. */
export async function comparePair(raw: readonly Writer[], append: readonly Writer[], plan: PairPlan): Promise<PairResult> {
  await runWriters(raw, plan.warmupOps);
  await runWriters(append, plan.warmupOps);
  const recorders = { raw: new Recorder(), append: new Recorder() };
  const perRound = Math.ceil(plan.ops / plan.rounds);
  for (let round = 0; round < plan.rounds; round++) {
    const order = round % 2 === 0 ? (['raw', 'append'] as const) : (['append', 'raw'] as const);
    for (const side of order) {
      await runWriters(side === 'raw' ? raw : append, perRound, recorders[side]);
    }
  }
  return { raw: recorders.raw.stats(), append: recorders.append.stats() };
}
