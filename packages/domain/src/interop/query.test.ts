import { describe, expect, it } from 'vitest';
import { parseRegistryQuery } from './query.js';

describe('SPDCI registry queries', () => {
  it('reads an identifier query: the citizen ID under the usual SPDCI names, the household code', () => {
    expect(parseRegistryQuery('idtype-value', { type: 'UIN', value: ' 079090001234 ' })).toEqual({
      ok: true,
      target: 'person',
      filter: { join: 'and', parts: [{ attr: 'citizen_id', op: 'eq', value: '079090001234' }] },
    });
    expect(parseRegistryQuery('idtype-value', { type: 'HOUSEHOLD_ID', value: 'H1' })).toMatchObject({
      ok: true,
      target: 'group',
    });
    expect(parseRegistryQuery('idtype-value', { type: 'PASSPORT', value: 'X' })).toMatchObject({ ok: false });
  });

  it('reads the suite’s expression example and refuses the attribute AnSinh does not hold', () => {
    const q = {
      type: 'ns:org:QueryType:expression',
      value: {
        expression: {
          collection: 'Group',
          query: { $and: [{ poverty_score: { $lt: 5 } }, { location: { $eq: 'x' } }] },
        },
      },
    };
    expect(parseRegistryQuery('expression', q)).toEqual({
      ok: false,
      reason: 'attribute "poverty_score" is not held by this registry',
    });
    const ok = parseRegistryQuery('expression', {
      value: { expression: { collection: 'Group', query: { $or: [{ location: { $eq: '25213' } }, { sex: 'Nữ' }] } } },
    });
    expect(ok).toMatchObject({ ok: true, target: 'group' });
  });

  it('reads predicates in seq_num order, numbers for numeric attributes', () => {
    const r = parseRegistryQuery('predicate', [
      { seq_num: 2, expression1: { attribute_name: 'gender', operator: 'eq', attribute_value: 'female' } },
      {
        seq_num: 1,
        expression1: { attribute_name: 'age', operator: 'lt', attribute_value: '25' },
        condition: 'or',
        expression2: { attribute_name: 'membership', operator: 'eq', attribute_value: '5a' },
      },
    ]);
    expect(r).toEqual({
      ok: true,
      target: 'person',
      filter: {
        join: 'and',
        parts: [
          {
            join: 'or',
            parts: [
              { attr: 'age', op: 'lt', value: 25 },
              { attr: 'membership', op: 'eq', value: '5a' },
            ],
          },
          { join: 'and', parts: [{ attr: 'sex', op: 'eq', value: 'female' }] },
        ],
      },
    });
    expect(
      parseRegistryQuery('predicate', [
        { seq_num: 1, expression1: { attribute_name: 'age', operator: 'lt', attribute_value: 'old' } },
      ]),
    ).toMatchObject({ ok: false });
    expect(parseRegistryQuery('graphql', {})).toMatchObject({ ok: false });
  });
});
