/** Excel refuses these in a sheet name, and names longer than 31 characters. */
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_LENGTH = 31;

/**
 * "1 Waste incineration", "9 Disposal-landfill": the group's code first, so names stay unique
 * (group codes are) and say which group a sheet is even when the name is cut. A long name is cut
 * after a whole word ("10 Contaminated sites and hot"), not inside one.
 */
export function groupWorksheetName(group: { code: string; name: string }): string {
  const full = `${group.code} ${group.name}`.replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  let name = full;
  if (full.length > MAX_LENGTH) {
    const cut = full.slice(0, MAX_LENGTH);
    const lastSpace = cut.lastIndexOf(' ');
    name = full[MAX_LENGTH] === ' ' || lastSpace <= group.code.length ? cut : cut.slice(0, lastSpace);
  }
  // Excel also refuses a name that starts or ends with an apostrophe.
  return name.trim().replace(/^'+|'+$/g, '');
}
