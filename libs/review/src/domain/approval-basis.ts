import type { OpenedInventory } from '@upops/inventory';
import { canonicalJson } from './canonical-json';
import type { ApprovalBasis, ReviewSubject } from './review.types';

/** What an approval of `subject` would rest on in this inventory now. */
export function approvalBasis(inventory: OpenedInventory, subject: ReviewSubject): ApprovalBasis {
  const lines = Object.values(inventory.lines).filter(
    (l) => subject.kind === 'inventory' || (subject.kind === 'category' ? l.categoryCode === subject.categoryCode : l.lineId === subject.lineId),
  );
  const lineIds = new Set(lines.map((l) => l.lineId));
  const classes = new Set(lines.map((l) => l.classCode));
  const inForce = Object.values(inventory.overrides)
    .filter((o) => (o.scope.kind === 'line' ? lineIds.has(o.scope.lineId) : classes.has(o.scope.classCode)))
    .sort((a, b) => (a.overrideId < b.overrideId ? -1 : a.overrideId > b.overrideId ? 1 : 0));
  const overrideIds = inForce.map((o) => o.overrideId);
  const overrideFactors = Object.fromEntries(inForce.map((o) => [o.overrideId, canonicalJson({ scope: o.scope, substance: o.substance, vector: o.vector, value: o.value, unit: o.unit })]));
  const notOccurring =
    subject.kind === 'line' ? [] : Object.keys(inventory.notOccurring).filter((c) => subject.kind === 'inventory' || c === subject.categoryCode).sort();
  return { editionId: inventory.editionId, lines: Object.fromEntries(lines.map((l) => [l.lineId, l.revision])), overrideIds, overrideFactors, notOccurring };
}

/** Why an approval given on `before` no longer holds now (`after`), or null while it stands. */
export function whyLapsed(before: ApprovalBasis, after: ApprovalBasis): string | null {
  const reasons: string[] = [];
  if (before.editionId !== after.editionId) reasons.push(`the inventory moved from edition ${before.editionId} to ${after.editionId}`);
  for (const [lineId, revision] of Object.entries(before.lines)) {
    const now = after.lines[lineId];
    if (now === undefined) reasons.push(`line ${lineId} was removed`);
    else if (now !== revision) reasons.push(`line ${lineId} was revised (revision ${revision} -> ${now})`);
  }
  const added = Object.keys(after.lines).filter((id) => before.lines[id] === undefined);
  if (added.length) reasons.push(`line${added.length > 1 ? 's' : ''} ${added.join(', ')} ${added.length > 1 ? 'were' : 'was'} added`);
  const withdrawn = before.overrideIds.filter((id) => !after.overrideIds.includes(id));
  const put = after.overrideIds.filter((id) => !before.overrideIds.includes(id));
  if (withdrawn.length) reasons.push(`country-specific factor ${withdrawn.join(', ')} was withdrawn or replaced`);
  if (put.length) reasons.push(`country-specific factor ${put.join(', ')} came into force`);
  const changed = before.overrideIds.filter((id) => {
    const was = before.overrideFactors?.[id];
    const is = after.overrideFactors?.[id];
    return was !== undefined && is !== undefined && was !== is;
  });
  if (changed.length) reasons.push(`country-specific factor ${changed.join(', ')} now says something else (withdrawn and put in force again)`);
  const unmarked = before.notOccurring.filter((c) => !after.notOccurring.includes(c));
  const marked = after.notOccurring.filter((c) => !before.notOccurring.includes(c));
  if (unmarked.length) reasons.push(`category ${unmarked.join(', ')} is no longer stated not occurring`);
  if (marked.length) reasons.push(`category ${marked.join(', ')} was stated not occurring`);
  return reasons.length ? upperFirst(reasons.join('; ')) : null;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
