import { describe, expect, it } from 'vitest';
import { importRate, readOutsideRow, sameOutsidePerson } from './outside-rows.js';

const today = '2021-08-01';
// QĐ 23/2021/QĐ-TTg (NQ 68/NQ-CP): a worker whose contract is suspended for a month or more
// receives 3.710.000đ; a household business 3.000.000đ (docs/legal/covid-support.md, unverified).
const rate = 3_710_000;

describe('a row of a list of people outside the registry', () => {
  it('reads a worker whose contract was suspended, taking the program rate when the amount is empty', () => {
    const r = readOutsideRow(
      {
        citizenId: '070 090 001234',
        fullName: 'nguyễn văn an',
        birthDate: '05/01/1990',
        category: 'Lao động tạm hoãn hợp đồng',
        employerTaxCode: '3800123456',
      },
      { rate, fixedAmount: true, today },
    );
    expect(r.ok && r.row).toMatchObject({
      citizenId: '070090001234',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-01-05',
      gender: 'male',
      amount: 3_710_000,
      employerTaxCode: '3800123456',
    });
  });

  it('reports every problem of the row, each with its column', () => {
    const r = readOutsideRow(
      { citizenId: '07009000123', fullName: '', birthDate: '', amount: '5.000.000', employerTaxCode: '12' },
      { rate, fixedAmount: true, today },
    );
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.problems.map((p) => p.field);
    expect(fields).toEqual(['citizenId', 'fullName', 'birthDate', 'amount', 'employerTaxCode']);
  });

  it('refuses a sex or birth year the ID contradicts, and a missing amount when the program has several', () => {
    const r = readOutsideRow(
      { citizenId: '070090001234', fullName: 'Trần Thị Bình', birthDate: '1991', gender: 'Nữ' },
      { rate: 3_000_000, fixedAmount: false, today },
    );
    expect(r.ok ? [] : r.problems.map((p) => p.field).sort()).toEqual(['amount', 'birthDate', 'gender']);
  });

  it('takes the highest amount of a by-category rule as the rate; gift tables take no imported lists', () => {
    expect(importRate({ type: 'by_category', amounts: { a: 1_855_000, b: 3_710_000 } })).toBe(3_710_000);
    expect(importRate({ type: 'fixed', amount: 3_000_000 })).toBe(3_000_000);
    expect(importRate({ type: 'gift', gift: 'tet' })).toBeNull();
  });

  it('matches a registry person by name and the birth date as far as both are known', () => {
    expect(
      sameOutsidePerson(
        { nameKey: 'nguyen van an', birthDate: '1990' },
        { name_key: 'nguyen van an', birth_date: '1990-01-05' },
      ),
    ).toEqual({ name: true, birth: true });
    expect(
      sameOutsidePerson(
        { nameKey: 'nguyen van a', birthDate: '1990-02-05' },
        { name_key: 'nguyen van an', birth_date: '1990-01-05' },
      ),
    ).toEqual({ name: false, birth: false });
  });
});
