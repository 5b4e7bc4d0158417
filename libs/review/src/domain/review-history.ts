import type { ReviewEvent, ReviewEventType } from './review.events';
import { subjectKey, type ReviewSubject } from './review.types';

/** Who and when of a stored review event, as the event store keeps them. */
export interface ReviewHistoryMetadata {
  actor: string;
  /** Names of the people the events name (actors, reviewers, approvers), when the caller knows them. */
  names?: ReadonlyMap<string, string>;
  at: Date | string;
  version: number;
}

/** One line of a review's timeline: who did what, on which subject or thread, and why. */
export interface ReviewHistoryEntry {
  version: number;
  at: string;
  actor: string;
  type: ReviewEventType;
  subject: ReviewSubject | null;
  threadId: string | null;
  what: string;
  why: string | null;
}

type Described = Pick<ReviewHistoryEntry, 'subject' | 'threadId' | 'what' | 'why'>;

/** Turns one review event into a line of the timeline. Pure. */
export function reviewHistoryEntry(event: ReviewEvent, metadata: ReviewHistoryMetadata): ReviewHistoryEntry {
  const name = (id: string) => metadata.names?.get(id)?.trim() || id;
  const actor = metadata.actor.startsWith('system:') ? `the platform (${metadata.actor.slice('system:'.length)})` : name(metadata.actor);
  return {
    version: metadata.version,
    at: typeof metadata.at === 'string' ? metadata.at : metadata.at.toISOString(),
    actor,
    type: event.type,
    ...describe(event, name),
  };
}

/**
 * The threads whose events someone who may not see held questions does not see: questions held
 * for the lead reviewer and not (yet) let through, including those dropped or withdrawn while held.
 */
export function threadsNeverReleased(events: readonly ReviewEvent[]): Set<string> {
  const held = new Set<string>();
  for (const event of events) {
    if (event.type === 'ThreadOpened' && event.data.awaitingLead) held.add(event.data.threadId);
    if (event.type === 'ThreadReleased') held.delete(event.data.threadId);
  }
  return held;
}

function describe(event: ReviewEvent, name: (id: string) => string): Described {
  const d = event.data;
  switch (event.type) {
    case 'ReviewRequested':
      return plain(`Asked for review (revision ${event.data.revision}, round ${event.data.round}); QA/QC: ${findingCount(event.data.findings.length)}`, event.data.note);
    case 'ReviewerAssigned':
      return plain(`Assigned ${event.data.reviewer.displayName || event.data.reviewer.accountId} (${event.data.reviewer.organisation}) as reviewer`);
    case 'ReviewerUnassigned':
      return plain(`Unassigned reviewer ${name(event.data.accountId)}`);
    case 'LeadReviewerSet':
      return plain(event.data.accountId ? `Named ${name(event.data.accountId)} lead reviewer` : 'Left the review without a lead reviewer');
    case 'ChangesRequested':
      return plain(`Requested changes (round ${event.data.round})`, event.data.summary);
    case 'ThreadOpened':
      return {
        subject: event.data.subject,
        threadId: event.data.threadId,
        what: `${event.data.awaitingLead ? 'Asked (held for the lead reviewer)' : 'Opened a thread'} on ${describeSubject(event.data.subject)}`,
        why: event.data.text,
      };
    case 'ThreadReleased':
      return onThread(event.data.threadId, 'Let the question through to the Party');
    case 'ThreadReplied':
      return onThread(event.data.threadId, 'Replied', event.data.text);
    case 'ThreadResolutionProposed':
      return onThread(event.data.threadId, `Proposed closing the thread (for ${name(event.data.lead)} to confirm)`, event.data.note);
    case 'ThreadResolved':
      return onThread(event.data.threadId, 'Resolved the thread', event.data.note);
    case 'ThreadReopened':
      return onThread(event.data.threadId, 'Reopened the thread', event.data.reason);
    case 'SubjectApproved':
      return { subject: event.data.subject, threadId: null, what: `Approved ${describeSubject(event.data.subject)}`, why: null };
    case 'InventoryApproved':
      return { subject: { kind: 'inventory' }, threadId: null, what: `Approved the inventory (revision ${event.data.revision})`, why: null };
    case 'ApprovalLapsed':
      return { subject: event.data.subject, threadId: null, what: `The approval of ${describeSubject(event.data.subject)} by ${name(event.data.approvedBy)} lapsed`, why: event.data.why };
    case 'SubmittedToSecretariat': {
      const r = event.data.receipt;
      const supersedes = r.supersedes ? `, superseding ${r.supersedes}` : '';
      return plain(`Submitted to the Secretariat: receipt ${r.submissionId}, sha256 ${r.contentHash.slice(0, 12)}…${supersedes}`);
    }
    case 'SubmissionReopened':
      return plain(`Reopened submission ${event.data.submissionId} as revision ${event.data.revision}`, event.data.reason);
    default: {
      const unhandled: never = event;
      return plain(`Unknown event ${JSON.stringify((unhandled as { type: string }).type)} on ${d.inventoryId}`);
    }
  }
}

function plain(what: string, why: string | null = null): Described {
  return { subject: null, threadId: null, what, why };
}

function onThread(threadId: string, what: string, why: string | null = null): Described {
  return { subject: null, threadId, what, why };
}

function describeSubject(subject: ReviewSubject): string {
  return subject.kind === 'inventory' ? 'the inventory' : subjectKey(subject).replace(':', ' ');
}

function findingCount(n: number): string {
  return n === 0 ? 'no findings' : `${n} finding${n > 1 ? 's' : ''}`;
}
