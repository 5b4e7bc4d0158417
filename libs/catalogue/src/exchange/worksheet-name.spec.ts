import { groupWorksheetName } from './worksheet-name';

describe('groupWorksheetName', () => {
  it('is the group code and name', () => {
    expect(groupWorksheetName({ code: '1', name: 'Waste incineration' })).toBe('1 Waste incineration');
  });

  it('replaces the characters Excel refuses', () => {
    expect(groupWorksheetName({ code: '9', name: 'Disposal/landfill' })).toBe('9 Disposal-landfill');
    expect(groupWorksheetName({ code: '8', name: "[a]:b*c?d\\e'" })).toBe('8 -a--b-c-d-e');
  });

  it('keeps to 31 characters, cut after a whole word', () => {
    const cut = groupWorksheetName({ code: '10', name: 'Contaminated sites and hot spots' });
    expect(cut).toBe('10 Contaminated sites and hot');
    const ferrous = groupWorksheetName({ code: '2', name: 'Ferrous and non-ferrous metal production' });
    expect(ferrous).toBe('2 Ferrous and non-ferrous metal');
    expect(groupWorksheetName({ code: '3', name: 'A'.repeat(40) })).toHaveLength(31);
  });
});
