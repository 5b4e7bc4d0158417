import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CatchUpStats } from './catch-up';
import type { CaseStats } from './measure';

export interface Ratio {
  name: string;
  value: number;
  /** Informational goal; undefined when the ratio has none. */
  target?: number;
  verdict?: 'PASS' | 'MISS';
}

const num = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function printHeader(): void {
  console.log(`${'case'.padEnd(46)}${'events'.padStart(9)}${'events/s'.padStart(11)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
}

export function printCase(label: string, stats: CaseStats): void {
  console.log(
    `${label.padEnd(46)}${num(stats.events).padStart(9)}${num(stats.eventsPerSecond).padStart(11)}` +
      `${num(stats.p50Ms, 2).padStart(9)}${num(stats.p99Ms, 2).padStart(9)}`,
  );
}

export function ratio(name: string, append: number, raw: number, target?: number): Ratio {
  const value = raw > 0 ? append / raw : 0;
  return target === undefined ? { name, value } : { name, value, target, verdict: value >= target ? 'PASS' : 'MISS' };
}

export function printRatio(r: Ratio): void {
  const goal = r.target === undefined ? '' : `   target >= ${num(r.target, 2)}   ${r.verdict}`;
  console.log(`    ${r.name} = ${num(r.value, 2)}${goal}`);
}

/**
 * A catch-up only passes when it was fast *and* complete: a reader that stops early or
 * skips events would otherwise look faster than a correct one.
 */
export function catchUpVerdict(stats: CatchUpStats, target: number): 'PASS' | 'MISS' {
  const complete = stats.events === stats.stored && stats.outOfOrder === 0;
  return complete && stats.eventsPerSecond >= target ? 'PASS' : 'MISS';
}

export function printCatchUp(stats: CatchUpStats, target: number): void {
  console.log(
    `(f) catch-up, batchSize ${num(stats.batchSize)}: ${num(stats.events)} events in ${num(stats.seconds, 1)} s = ` +
      `${num(stats.eventsPerSecond)} events/s   target >= ${num(target)}   ${catchUpVerdict(stats, target)}`,
  );
  if (stats.outOfOrder > 0) {
    console.log(`    WARNING: ${num(stats.outOfOrder)} events arrived out of (transactionId, globalPosition) order`);
  }
  if (stats.events !== stats.stored) {
    console.log(
      `    WARNING: read ${num(stats.events)} of ${num(stats.stored)} stored events` +
        (stats.outOfOrder > 0
          ? ': the checkpoint moved past events that had not been delivered yet'
          : ': a transaction elsewhere on the server may hold back pg_snapshot_xmin'),
    );
  }
}

export async function writeJson(path: string, report: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
