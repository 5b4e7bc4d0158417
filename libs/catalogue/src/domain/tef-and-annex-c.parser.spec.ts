import { parseAnnexCMapping } from './annex-c.parser';
import { parseTefSheet } from './tef-data.parser';

describe('parseTefSheet', () => {
  const header = 'scheme,congener,tef,source,confidence,note';

  it('groups factors by scheme; a scheme is as sure as its weakest TEF', () => {
    const text = `${header}\nX,"2,3,7,8-TCDD",1,src,seen-verbatim,\nX,OCDD,0.0003,src,uncertain,\n`;
    expect(parseTefSheet({ name: 'tef.csv', text })).toEqual({
      ok: true,
      value: [
        {
          id: 'X',
          confidence: 'unverified',
          factors: [
            { congener: '2,3,7,8-TCDD', tef: 1, source: 'src', confidence: 'verified', note: '' },
            { congener: 'OCDD', tef: 0.0003, source: 'src', confidence: 'unverified', note: '' },
          ],
        },
      ],
    });
  });

  it('names row and column of a bad TEF, a duplicate congener and a missing source', () => {
    const text = `${header}\nX,OCDD,2,src,seen-verbatim,\nX,OCDF,ND,src,seen-verbatim,\nX,PCB 77,0.0001,,seen-verbatim,\nX,PCB 81,0.0003,s,seen-verbatim,\nX,PCB 81,0.0003,s,seen-verbatim,\n`;
    const result = parseTefSheet({ name: 'tef.csv', text });
    expect(!result.ok && result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'tef'],
      [3, 'tef'],
      [4, 'source'],
      [6, 'congener'],
    ]);
  });
});

describe('parseAnnexCMapping', () => {
  const header = 'category,category_name,annex_c,annex_c_refs,confidence,basis,source';

  it('refuses a mapping that does not say what it rests on, and unknown Annex C references', () => {
    const text = `${header}\n1a,MSW,Part II (a),II(a),"inferred, strong",,annex_c.md\n2d,Copper,x,II(d)(i);IV(a),inferred,inference,annex_c.md\n`;
    const result = parseAnnexCMapping({ name: 'annex-c-mapping.csv', text });
    expect(!result.ok && result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'basis'],
      [3, 'annex_c_refs'],
    ]);
  });
});
