import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('gives one text, and so one hash, whatever the order of the keys, at every depth', () => {
    const a = { receipt: { revision: 2, party: 'KEN' }, lines: [{ lineId: 'l1', activityRate: 1000 }], format: 'upops-submission/1' };
    const b = { format: 'upops-submission/1', lines: [{ activityRate: 1000, lineId: 'l1' }], receipt: { party: 'KEN', revision: 2 } };
    const text = '{"format":"upops-submission/1","lines":[{"activityRate":1000,"lineId":"l1"}],"receipt":{"party":"KEN","revision":2}}';
    expect(canonicalJson(a)).toBe(text);
    expect(canonicalJson(b)).toBe(text);
    expect(sha256(canonicalJson(a))).toBe(sha256(canonicalJson(b)));
  });

  it('orders keys by character code, not by insertion, number-likeness or locale', () => {
    expect(canonicalJson({ b: 1, a: 2, _: 3, B: 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"B":4,"_":3,"a":2,"b":1}');
  });

  it('keeps the order of arrays, nested ones too', () => {
    expect(canonicalJson([[3, 1], [2], []])).toBe('[[3,1],[2],[]]');
    expect(canonicalJson({ x: [{ b: 2, a: 1 }, { a: 0 }] })).toBe('{"x":[{"a":1,"b":2},{"a":0}]}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('drops properties that are undefined, as JSON does (so their presence changes no hash)', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    // In arrays, as in JSON, undefined is null: dropping it would shift the elements.
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses numbers JSON has no text for', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('canonical JSON has no NaN');
    expect(() => canonicalJson({ totals: [1, Number.POSITIVE_INFINITY] })).toThrow('canonical JSON has no Infinity');
    expect(() => canonicalJson({ a: { b: Number.NEGATIVE_INFINITY } })).toThrow('canonical JSON has no -Infinity');
  });

  it('writes scalars as JSON does, with no whitespace', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson('µg TEQ/t "air"\n')).toBe('"µg TEQ/t \\"air\\"\\n"');
    expect(canonicalJson({ 'a b': [null, false, 'x'] })).toBe('{"a b":[null,false,"x"]}');
  });

  it('reads back to the same text', () => {
    const value = { z: [1, { y: 'é', x: null }], a: { c: 2.5, b: [] } };
    const text = canonicalJson(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(JSON.parse(text)).toEqual(value);
  });
});
