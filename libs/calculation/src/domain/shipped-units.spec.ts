import { factor, line, value } from '../testing/calculation.fixtures';
import { CalculationErrorCode } from './calculation.errors';
import { calculateLine } from './release';

/**
 * Every (activity unit, factor unit) pair that gives a number in the shipped Toolkit data
 * (libs/catalogue/data/classes.csv and other_upops.csv, copied here: this lib reads no file).
 */
const READABLE: [string, string][] = [
  ['ECU (electrochemical unit) produced', 'µg TEQ/ECU'],
  ['ECU produced', 'µg TEQ/ECU'],
  ['TJ of biogas burned', 'µg TEQ/TJ'],
  ['TJ of biomass burned', 'µg TEQ/TJ'],
  ['TJ of fuel burned', 'µg TEQ/TJ'],
  ['cremation (body)', 'µg TEQ/cremation'],
  ['million items smoked', 'µg TEQ per million items'],
  ['t of aluminium produced', 'µg TEQ/t'],
  ['t of asphalt', 'µg TEQ/t'],
  ['t of biomass burned', 'µg TEQ/t'],
  ['t of biomass burned', 'µg TEQ/t biomass burned'],
  ['t of biomass burned', 'µg TEQ/t material burned'],
  ['t of body weight (carcasses) burned', 'µg TEQ/t'],
  ['t of brass/bronze produced', 'µg TEQ/t'],
  ['t of cement produced', 'µg TEQ/t'],
  ['t of coke produced', 'µg TEQ/t'],
  ['t of coke produced', 'µg TEQ/t coke produced'],
  ['t of coke produced', 'µg/t coke produced'],
  ['t of compost', 'µg TEQ/t compost'],
  ['t of copper produced', 'µg TEQ/t'],
  ['t of distillation residue', 'µg TEQ/t distillation residue'],
  ['t of dried product', 'µg TEQ/t'],
  ['t of fuel burned', 'µg TEQ/t fuel'],
  ['t of fuel burned', 'µg TEQ/t fuel burned (as printed)'],
  ['t of fuel burned', 'µg/t fuel burned'],
  ['t of galvanized steel', 'µg TEQ/t'],
  ['t of lead produced', 'µg TEQ/t'],
  ['t of leather', 'µg TEQ/t leather'],
  ['t of liquid steel', 'µg TEQ/t'],
  ['t of magnesium produced', 'µg TEQ/t'],
  ['t of material', 'µg TEQ/t'],
  ['t of material', 'µg TEQ/t material'],
  ['t of material burned', 'µg TEQ/t material burned'],
  ['t of metal produced', 'µg TEQ/t'],
  ['t of oil shale processed', 'µg TEQ/t'],
  ['t of product', 'µg TEQ/t'],
  ['t of product', 'µg TEQ/t product'],
  ['t of recovered steel', 'µg TEQ/t recovered steel'],
  ['t of recovered steel (t material treated)', 'µg TEQ/t'],
  ['t of sewage sludge', 'µg TEQ/t sewage sludge'],
  ['t of sewage sludge', 'µg/t sewage sludge'],
  ['t of sewage sludge burned', 'µg TEQ/t'],
  ['t of sinter produced', 'µg TEQ/t'],
  ['t of smoked product', 'µg TEQ/t'],
  ['t of textile', 'µg TEQ/t textile'],
  ['t of waste burned', 'µg TEQ/t'],
  ['t of waste burned', 'µg TEQ/t material burned'],
  ['t of wood burned', 'µg TEQ/t material burned'],
  ['t of zinc produced', 'µg TEQ/t'],
  ['vehicle burned (EF per vehicle)', 'µg TEQ/vehicle'],
];

describe('the shipped data’s units', () => {
  it.each(READABLE)('given class unit "%s" and factor unit "%s", when 10^6 units x 1 µg, then 1 g', (classActivityUnit, unit) => {
    const result = calculateLine(line({ classCode: 'x1', classActivityUnit, factors: [factor('air', value(1), unit)], activity: { value: 1e6 } }));
    expect(result.ok && result.value.cells[0].release).toEqual({ kind: 'release', grams: 1, basis: unit.includes('TEQ') ? 'TEQ' : 'mass' });
  });

  it.each([
    // the two pairs of the data that are refused, and why
    ['TJ of biomass burned', 'µg TEQ/TJ (dl-PCB); µg/TJ (sum-6 PCB, HCB) presumably', 'factors[0].unit'],
    ['t of air-dried pulp (ADt); boilers per t or TJ fuel', 'µg TEQ/ADt (water, product/pulp, sludge)', 'classActivityUnit'],
  ])('given class unit "%s" and factor unit "%s", when a number is given, then UNIT_AMBIGUOUS on %s', (classActivityUnit, unit, field) => {
    const result = calculateLine(line({ classCode: 'x1', classActivityUnit, factors: [factor('air', value(1), unit)], activity: { value: 1 } }));
    expect(result.ok || result.errors.map((e) => [e.field, e.code])).toEqual([[field, CalculationErrorCode.UNIT_AMBIGUOUS]]);
  });
});
