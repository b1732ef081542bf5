import { describe, expect, it } from 'vitest';
import { chooseWhenZero, figureKey, figuresOf, parsePlaceholder, parseText, renderText } from './template.js';

describe('placeholders', () => {
  it('reads an indicator with parameters, area and format', () => {
    const p = parsePlaceholder('programs.amount_paid(program=COVID68)@689|million');
    expect(p).toEqual({
      kind: 'value',
      code: 'programs.amount_paid',
      params: { program: 'COVID68' },
      area: '689',
      format: 'million',
      raw: '{programs.amount_paid(program=COVID68)@689|million}',
    });
  });

  it('reads targets, progress and percentages of the plan', () => {
    expect(parsePlaceholder('progress:employment.jobs_created')).toMatchObject({
      kind: 'progress',
      code: 'employment.jobs_created',
      format: 'number',
    });
    expect(parsePlaceholder('percent:employment.jobs_created')).toMatchObject({ kind: 'percent', format: 'percent' });
    expect(parsePlaceholder('year')).toEqual({ variable: 'year' });
    expect(parsePlaceholder('not a placeholder')).toBeNull();
    expect(parsePlaceholder('x.y|nonsense')).toBeNull();
  });

  it('names the same figure with the same key whatever the order of parameters or the format', () => {
    const a = parsePlaceholder('programs.persons_paid(program=A,year=2021)|number');
    const b = parsePlaceholder('programs.persons_paid(year=2021,program=A)|parts');
    expect(a && 'code' in a && figureKey(a)).toBe('programs.persons_paid(program=A,year=2021)');
    expect(b && 'code' in b && figureKey(b)).toBe('programs.persons_paid(program=A,year=2021)');
  });

  it('splits narrative into text, variables and figures, leaving other braces alone', () => {
    const text =
      'Năm {year}, giải quyết việc làm cho {employment.jobs_created} lao động, đạt {percent:employment.jobs_created} kế hoạch năm {không phải}.';
    const segs = parseText(text);
    expect(segs.map((s) => s.kind)).toEqual(['text', 'variable', 'text', 'figure', 'text', 'figure', 'text']);
    expect(figuresOf(text).map((p) => p.code)).toEqual(['employment.jobs_created', 'employment.jobs_created']);
    const out = renderText(text, {
      variable: (n) => (n === 'year' ? '2021' : undefined),
      figure: (p) => (p.kind === 'percent' ? '73,95%' : '28.101'),
    });
    expect(out).toBe('Năm 2021, giải quyết việc làm cho 28.101 lao động, đạt 73,95% kế hoạch năm {không phải}.');
  });

  it('says "no petitions arose" in words when the count is zero', () => {
    const texts = {
      zero: 'Không phát sinh đơn thư khiếu nại, tố cáo.',
      otherwise: 'Tiếp nhận {petitions.complaints} đơn.',
    };
    expect(chooseWhenZero(0, texts)).toBe('Không phát sinh đơn thư khiếu nại, tố cáo.');
    expect(chooseWhenZero(3, texts)).toBe(texts.otherwise);
    expect(chooseWhenZero(null, texts)).toBe(texts.otherwise);
  });
});
