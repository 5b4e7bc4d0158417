import type { ExpectedVersion } from './event.types';

export type EventStoreErrorCode = 'WRONG_EXPECTED_VERSION' | 'INVALID_APPEND' | 'APPEND_ONLY';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** The stream was not at the version the writer based its decision on. Nothing was written. */
export class WrongExpectedVersion extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's current version; 0 when it does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersion';
  }
}

export class InvalidAppend extends EventStoreError {
  readonly code = 'INVALID_APPEND' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}
