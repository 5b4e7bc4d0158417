import type { ActivityLine, EmissionFactorOverride, OpenedInventory } from '@upops/inventory';
import { approvalBasis } from '../domain/approval-basis';
import type { QaqcFinding } from '../domain/qaqc/qaqc.types';
import type { ReviewActor, ReviewContext, ReviewPerson } from '../domain/review.commands';
import {
  type ApprovalLapsed,
  type ChangesRequested,
  type InventoryApproved,
  type ReviewerAssigned,
  type ReviewRequested,
  type SubjectApproved,
  type ThreadOpened,
  type ThreadReplied,
  type ThreadResolved,
  reviewEvent,
} from '../domain/review.events';
import type { ReviewSubject } from '../domain/review.types';
import { SNAPSHOT_FORMAT, type SubmissionSnapshot } from '../domain/submission-snapshot';

/**
 * Small builders for review specs: one Kenyan inventory (three lines in two categories), the people
 * who draft, coordinate and review it, a context, and the events a history is made of. Pure data.
 */

export const PARTY = 'KEN';
export const INVENTORY_ID = 'KEN-2024';
export const EDITION_ID = 'toolkit-2013';
export const NOW = new Date('2026-11-28T10:00:00.000Z');
export const AT = NOW.toISOString();

/** Categories the edition knows: 1a and 2a hold lines, 3b and 9z have none. */
export const CATEGORIES: readonly string[] = ['1a', '2a', '3b', '9z'];

// --- The inventory ---------------------------------------------------------------------------

/** A line at revision 1; its category is its class's (the class code's first two characters). */
export function activityLine(lineId: string, classCode: string, fields: Partial<ActivityLine> = {}): ActivityLine {
  return {
    lineId,
    classCode,
    categoryCode: classCode.slice(0, 2),
    facilityName: null,
    activityRate: 1000,
    unit: 't',
    dataSource: 'National statistics 2024',
    note: '',
    revision: 1,
    ...fields,
  };
}

/** l1 (class 1a1) and l3 (class 1a2) in category 1a, l2 (class 2a1) in category 2a. */
export const L1 = activityLine('l1', '1a1');
export const L2 = activityLine('l2', '2a1');
export const L3 = activityLine('l3', '1a2');

export function byLineId(...lines: ActivityLine[]): Record<string, ActivityLine> {
  return Object.fromEntries(lines.map((l) => [l.lineId, l]));
}

export function openedInventory(changes: Partial<OpenedInventory> = {}): OpenedInventory {
  return {
    status: 'draft',
    inventoryId: INVENTORY_ID,
    party: PARTY,
    referenceYear: 2024,
    editionId: EDITION_ID,
    tefScheme: 'WHO-2005',
    openedAt: '2026-01-15T08:00:00.000Z',
    lines: byLineId(L1, L2, L3),
    overrides: {},
    notOccurring: {},
    retiredLineIds: {},
    version: 12,
    ...changes,
  };
}

/** The inventory after one more event. */
function next(inventory: OpenedInventory, changes: Partial<OpenedInventory>): OpenedInventory {
  return { ...inventory, ...changes, version: inventory.version + 1 };
}

/** A revision of the line: its revision moves by one. */
export function revised(inventory: OpenedInventory, lineId: string, fields: Partial<ActivityLine> = {}): OpenedInventory {
  const line = inventory.lines[lineId];
  if (!line) throw new Error(`fixture: no line ${lineId}`);
  return next(inventory, { lines: { ...inventory.lines, [lineId]: { ...line, ...fields, revision: line.revision + 1 } } });
}

export function withLine(inventory: OpenedInventory, line: ActivityLine): OpenedInventory {
  return next(inventory, { lines: { ...inventory.lines, [line.lineId]: line } });
}

export function withoutLine(inventory: OpenedInventory, lineId: string): OpenedInventory {
  const lines = Object.fromEntries(Object.entries(inventory.lines).filter(([id]) => id !== lineId));
  return next(inventory, { lines, retiredLineIds: { ...inventory.retiredLineIds, [lineId]: true } });
}

export function withOverride(inventory: OpenedInventory, override: EmissionFactorOverride): OpenedInventory {
  return next(inventory, { overrides: { ...inventory.overrides, [override.overrideId]: override } });
}

export function withoutOverride(inventory: OpenedInventory, overrideId: string): OpenedInventory {
  return next(inventory, { overrides: Object.fromEntries(Object.entries(inventory.overrides).filter(([id]) => id !== overrideId)) });
}

export function withNotOccurring(inventory: OpenedInventory, categoryCode: string): OpenedInventory {
  return next(inventory, { notOccurring: { ...inventory.notOccurring, [categoryCode]: { categoryCode, note: 'No such plants in Kenya' } } });
}

const FACTOR = {
  substance: 'PCDD/PCDF',
  vector: 'air' as const,
  value: { kind: 'value' as const, value: 350 },
  unit: 'µg TEQ/t',
  justification: 'Stack measurements 2023 at both plants',
  reference: 'NEMA report 2023/17',
};

export function classOverride(overrideId: string, classCode: string): EmissionFactorOverride {
  return { overrideId, scope: { kind: 'class', classCode }, ...FACTOR };
}

export function lineOverride(overrideId: string, lineId: string): EmissionFactorOverride {
  return { overrideId, scope: { kind: 'line', lineId }, ...FACTOR };
}

// --- People ----------------------------------------------------------------------------------

export const coordinator: ReviewPerson = { accountId: 'coord', organisation: 'KEN', displayName: 'Wanjiru Kamau', roles: ['national_coordinator'] };
export const drafter: ReviewPerson = { accountId: 'drafter', organisation: 'KEN', displayName: 'Otieno Ouma', roles: ['drafter'] };
export const ownReviewer: ReviewPerson = { accountId: 'rev-ken', organisation: 'KEN', displayName: 'Achieng Njeri', roles: ['reviewer'] };
export const secretariatReviewer: ReviewPerson = { accountId: 'rev-sec', organisation: 'SECRETARIAT', displayName: 'Marie Dupont', roles: ['reviewer'] };
export const ecuDrafter: ReviewPerson = { accountId: 'ecu-drafter', organisation: 'ECU', displayName: 'Lucía Andrade', roles: ['drafter'] };

export function actor(person: ReviewPerson): ReviewActor {
  return { kind: 'person', accountId: person.accountId, organisation: person.organisation, roles: person.roles };
}

export const systemActor: ReviewActor = { kind: 'system', name: 'approval-lapse' };

// --- Context ---------------------------------------------------------------------------------

export function reviewContext(who: ReviewActor, changes: Partial<Omit<ReviewContext, 'actor'>> = {}): ReviewContext {
  return {
    now: NOW,
    actor: who,
    inventory: openedInventory(),
    categoryExists: (categoryCode) => CATEGORIES.includes(categoryCode),
    findings: [],
    resubmissionDeadline: null,
    ...changes,
  };
}

/** What the handler freezes before a submission: a snapshot of the inventory and its hash. */
export function frozen(inventory: OpenedInventory, revision: number, contentHash: string): NonNullable<ReviewContext['frozen']> {
  const snapshot: SubmissionSnapshot = {
    format: SNAPSHOT_FORMAT,
    engineVersion: 'calc-1.4.0',
    inventory: { inventoryId: inventory.inventoryId, party: inventory.party, referenceYear: inventory.referenceYear, revision, inventoryVersion: inventory.version, openedAt: inventory.openedAt },
    edition: { editionId: inventory.editionId, title: 'Toolkit 2013', publishedAt: '2013-01-01T00:00:00.000Z' },
    tefScheme: { id: inventory.tefScheme },
    lines: [],
    overrides: Object.values(inventory.overrides),
    notOccurring: Object.values(inventory.notOccurring),
    totals: { nation: [], group: [], category: [], class: [], vector: [], substance: [], groupVector: [] },
    uncalculated: [],
    qaqc: { findings: [], acknowledgements: [] },
    approvals: [],
  };
  return { snapshot, contentHash };
}

// --- QA/QC findings ---------------------------------------------------------------------------

export const unitBlocker: QaqcFinding = {
  findingId: 'UNIT_INCOMPATIBLE:line:l1',
  rule: 'UNIT_INCOMPATIBLE',
  severity: 'blocker',
  subject: { kind: 'line', lineId: 'l1', classCode: '1a1' },
  message: 'Line l1 (class 1a1): unit "kWh" does not convert to the class unit "t"',
};

export const jumpWarning: QaqcFinding = {
  findingId: 'TOTAL_JUMP:inventory',
  rule: 'TOTAL_JUMP',
  severity: 'warning',
  subject: { kind: 'inventory' },
  message: 'The national PCDD/PCDF total is 12 times that of KEN-2019',
};

// --- Events ----------------------------------------------------------------------------------

const ids = { inventoryId: INVENTORY_ID, party: PARTY };

export function reviewRequested(data: Partial<ReviewRequested['data']> = {}): ReviewRequested {
  return reviewEvent<ReviewRequested>('ReviewRequested', {
    ...ids,
    revision: 1,
    round: 1,
    requestedBy: coordinator.accountId,
    inventoryVersion: 12,
    note: null,
    findings: [],
    acknowledgements: [],
    ...data,
  });
}

export function reviewerAssigned(reviewer: ReviewPerson, assignedBy = coordinator.accountId): ReviewerAssigned {
  return reviewEvent<ReviewerAssigned>('ReviewerAssigned', {
    ...ids,
    reviewer: { accountId: reviewer.accountId, organisation: reviewer.organisation, displayName: reviewer.displayName },
    assignedBy,
  });
}

export function changesRequested(by: ReviewPerson = ownReviewer, round = 1): ChangesRequested {
  return reviewEvent<ChangesRequested>('ChangesRequested', {
    ...ids,
    revision: 1,
    round,
    requestedBy: by.accountId,
    summary: 'Check the activity of l1',
    requesterOfReview: coordinator.accountId,
  });
}

export function threadOpened(threadId: string, subject: ReviewSubject, author: ReviewPerson = ownReviewer, categoryCode: string | null = null): ThreadOpened {
  return reviewEvent<ThreadOpened>('ThreadOpened', {
    ...ids,
    threadId,
    subject,
    categoryCode,
    commentId: `${threadId}-c1`,
    author: author.accountId,
    text: 'Where does this number come from?',
    mentions: [],
    at: AT,
  });
}

export function threadReplied(threadId: string, commentId: string, author: ReviewPerson, participants: string[]): ThreadReplied {
  return reviewEvent<ThreadReplied>('ThreadReplied', { ...ids, threadId, commentId, author: author.accountId, text: 'See the survey report', mentions: [], at: AT, participants });
}

export function threadResolved(threadId: string, by: ReviewPerson = ownReviewer): ThreadResolved {
  return reviewEvent<ThreadResolved>('ThreadResolved', { ...ids, threadId, by: by.accountId, note: null, at: AT });
}

/** A line or category approval on the inventory as it stood then. */
export function subjectApproved(
  subject: Exclude<ReviewSubject, { kind: 'inventory' }>,
  inventory: OpenedInventory = openedInventory(),
  by: ReviewPerson = ownReviewer,
): SubjectApproved {
  return reviewEvent<SubjectApproved>('SubjectApproved', { ...ids, subject, basis: approvalBasis(inventory, subject), by: by.accountId, at: AT });
}

export function inventoryApproved(inventory: OpenedInventory = openedInventory(), by: ReviewPerson = ownReviewer, revision = 1): InventoryApproved {
  return reviewEvent<InventoryApproved>('InventoryApproved', { ...ids, revision, basis: approvalBasis(inventory, { kind: 'inventory' }), by: by.accountId, at: AT });
}

export function approvalLapsed(subject: ReviewSubject, why: string, approvedBy: ReviewPerson = ownReviewer): ApprovalLapsed {
  return reviewEvent<ApprovalLapsed>('ApprovalLapsed', { ...ids, subject, approvedBy: approvedBy.accountId, why, at: AT });
}

export const line = (lineId: string): { kind: 'line'; lineId: string } => ({ kind: 'line', lineId });
export const category = (categoryCode: string): { kind: 'category'; categoryCode: string } => ({ kind: 'category', categoryCode });
