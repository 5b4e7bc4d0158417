/**
 * Who may see and change an inventory. The caller is described structurally (an identity
 * `Actor` fits) so the domain depends on no other context. Observers of the Party read; drafters
 * and the national coordinator edit; the Secretariat reads every Party's inventories (technical
 * assistance, Article 15 reporting) but never edits them. Reviewers read only the inventories
 * assigned to them, through the review context (`review { inventory }`), never by role alone.
 */
export interface InventoryCaller {
  organisation: string;
  roles: readonly string[];
}

export const SECRETARIAT_ORGANISATION = 'SECRETARIAT';
export const INVENTORY_EDITOR_ROLES = ['drafter', 'national_coordinator'] as const;
export const INVENTORY_READER_ROLES = ['drafter', 'national_coordinator', 'observer', 'secretariat_officer'] as const;

export function readsEveryParty(caller: InventoryCaller): boolean {
  return caller.organisation === SECRETARIAT_ORGANISATION && caller.roles.includes('secretariat_officer');
}

export function canReadInventoryOf(caller: InventoryCaller, party: string): boolean {
  if (readsEveryParty(caller)) return true;
  return caller.organisation === party && caller.roles.some((r) => (INVENTORY_READER_ROLES as readonly string[]).includes(r));
}

export function canEditInventoryOf(caller: InventoryCaller, party: string): boolean {
  return caller.organisation === party && caller.roles.some((r) => (INVENTORY_EDITOR_ROLES as readonly string[]).includes(r));
}
