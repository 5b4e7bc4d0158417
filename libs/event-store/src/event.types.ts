/** Who and why of an event: every edit names its actor and Party (ARCHITECTURE.md, flow of one edit). */
export interface EventMetadata {
  actor: string;
  party?: string | null;
  commandId?: string | null;
  correlationId?: string | null;
  causationId?: string | null;
  /** Anything else a context wants to keep with the event (a reason, a client id). */
  [key: string]: unknown;
}

/** An event as a context proposes it: a past-tense type and plain data. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  /** Shape version of `data`; 1 when omitted. */
  schemaVersion?: number;
}

/** An event as stored, with its place in its stream and in the global order. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  globalPosition: bigint;
  transactionId: bigint;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** `no_stream`: the stream must not exist; `any`: no check; a number: the exact current version. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendOptions {
  streamType: string;
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as expectedVersion for the next one. */
  nextExpectedVersion: number;
  firstPosition: bigint;
  lastPosition: bigint;
  /** Together with lastPosition, where a subscriber must have reached to have seen this append. */
  transactionId: bigint;
  /** True when the command id had been appended before: nothing new was written. */
  duplicate: boolean;
}

/**
 * A point in the global order. Events are read in (transactionId, position) order; a
 * subscription's checkpoint is the last pair it processed.
 */
export interface GlobalCheckpoint {
  transactionId: bigint;
  position: bigint;
}

export const START_OF_ALL: GlobalCheckpoint = { transactionId: 0n, position: 0n };

export function isAtOrAfter(checkpoint: GlobalCheckpoint, target: GlobalCheckpoint): boolean {
  if (checkpoint.transactionId !== target.transactionId) {
    return checkpoint.transactionId > target.transactionId;
  }
  return checkpoint.position >= target.position;
}

export interface ReadStreamOptions {
  /** Time travel: the stream as it was at this version. */
  toVersion?: number;
  /** Time travel: the stream as it was at this moment. */
  asOf?: Date;
  fromVersion?: number;
}

export interface StreamSlice {
  streamId: string;
  /** Version of the last event returned; 0 when the stream does not exist (yet). */
  version: number;
  events: RecordedEvent[];
}
