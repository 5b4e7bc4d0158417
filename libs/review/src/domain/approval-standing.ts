import type { OpenedInventory } from '@upops/inventory';
import { approvalBasis, whyLapsed } from './approval-basis';
import type { ReviewState } from './review.state';
import { type Approval, subjectKey } from './review.types';

/** Why an approval does not count now (lapsed before, or what it rests on changed since), or null. */
export function whyNotStanding(approval: Approval, inventory: OpenedInventory): string | null {
  if (approval.lapsed) return approval.lapsed.why;
  return whyLapsed(approval.basis, approvalBasis(inventory, approval.subject));
}

/**
 * Every approval of the revision (line, category, inventory) that no longer counts, with why. A
 * line's lapsed approval is moot once its category is approved as it stands: the category
 * approval covers the line, and the reviewer cannot be asked to approve it twice.
 */
export function approvalsNotStanding(state: ReviewState, inventory: OpenedInventory, options: { includeInventory: boolean } = { includeInventory: true }): { approval: Approval; why: string }[] {
  const all = [...Object.values(state.approvals), ...(options.includeInventory && state.inventoryApproval ? [state.inventoryApproval] : [])];
  return all.flatMap((approval) => {
    const why = whyNotStanding(approval, inventory);
    if (!why) return [];
    if (approval.subject.kind === 'line') {
      const categoryCode = inventory.lines[approval.subject.lineId]?.categoryCode;
      const category = categoryCode ? state.approvals[subjectKey({ kind: 'category', categoryCode })] : undefined;
      if (category && whyNotStanding(category, inventory) === null) return [];
    }
    return [{ approval, why }];
  });
}

/** Lines no standing approval covers (neither the line's own nor its category's). */
export function linesNotApproved(state: ReviewState, inventory: OpenedInventory): string[] {
  const standing = (key: string) => {
    const approval = state.approvals[key];
    return approval !== undefined && whyNotStanding(approval, inventory) === null;
  };
  return Object.values(inventory.lines)
    .filter((l) => !standing(subjectKey({ kind: 'line', lineId: l.lineId })) && !standing(subjectKey({ kind: 'category', categoryCode: l.categoryCode })))
    .map((l) => l.lineId)
    .sort();
}
