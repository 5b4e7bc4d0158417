import { canEditInventoryOf, canReadInventoryOf } from './inventory-access';

describe('inventory access', () => {
  const ken = (...roles: string[]) => ({ organisation: 'KEN', roles });
  const secretariat = { organisation: 'SECRETARIAT', roles: ['secretariat_officer'] };
  const expert = { organisation: 'SECRETARIAT', roles: ['toolkit_expert'] };

  it.each([
    ['a drafter of the Party', ken('drafter'), true, true],
    ['the national coordinator', ken('national_coordinator'), true, true],
    ['a reviewer of the Party (reads only what is assigned, through review)', ken('reviewer'), false, false],
    ['an observer of the Party', ken('observer'), true, false],
    ['a Secretariat officer', secretariat, true, false],
    ['a Toolkit expert', expert, false, false],
    ['a drafter of another Party', { organisation: 'ECU', roles: ['drafter'] }, false, false],
    ['a member without roles', ken(), false, false],
  ])('%s: reads %s, edits %s', (_who, caller, reads, edits) => {
    expect(canReadInventoryOf(caller, 'KEN')).toBe(reads);
    expect(canEditInventoryOf(caller, 'KEN')).toBe(edits);
  });
});
