import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { NBSP, type FigureOut, type ReportBody, type ReportPreview } from '@ansinh/domain';
import {
  buildDocx,
  NATIONAL_TITLE,
  NATIONAL_TITLE_COLUMN,
  NATIONAL_TITLE_PT,
  RULE_SHARE,
  textWidth,
} from './reports.docx.js';
import { renderHeader, renderSections, type RenderContext } from './reports.render.js';
import { REPORT_TEMPLATES } from './reports.templates.js';
import { validateTemplate } from './reports.validate.js';

/** Issue 11: the DOCX layout of Decree 30/2020, the figures as a report writes them, template filters. */

const AGENCY = {
  parentAgency: 'UBND tỉnh Bình Phước',
  agency: 'Sở Lao động - Thương binh và Xã hội',
  agencyName: 'Sở Lao động - Thương binh và Xã hội',
  symbol: 'SLĐTBXH',
  place: 'Bình Phước',
  signerAuthority: 'KT. Giám đốc',
  signerTitle: 'Phó Giám đốc',
  signerName: 'Nguyễn Văn A',
  recipients: ['Lưu: VT, VP'],
};

const figure = (code: string, unit: string, v: Partial<FigureOut>): FigureOut => ({
  key: code,
  kind: 'value',
  code,
  name: code,
  unit,
  params: '',
  areaCode: '70',
  areaName: 'Tỉnh Bình Phước',
  from: '2021-01-01',
  to: '2021-12-31',
  asOf: '2021-12-31',
  source: 'computed',
  available: true,
  value: null,
  numerator: null,
  denominator: null,
  target: null,
  lowerIsBetter: false,
  ...v,
});

const BODY: ReportBody = {
  docTitle: 'BÁO CÁO',
  summary: 'Kết quả thực hiện công tác dân vận chính quyền năm 2021',
  addressee: null,
  recipients: ['Như trên'],
  sections: [
    {
      id: 's1',
      number: '1.',
      title: 'Kết quả',
      level: 2,
      blocks: [
        {
          type: 'text',
          id: 's1.p1',
          text: 'Thất nghiệp {x.rate|percent}, giảm {x.drop|percent}; đúng hạn {x.ok|percent2}; trực tuyến {x.online|parts_percent}; chi {x.paid|dong}, quà {x.gifts|million}.',
        },
      ],
    },
  ],
};

async function documentXml(): Promise<{ xml: string; text: string }> {
  const figures = new Map<string, FigureOut>([
    ['x.rate', figure('x.rate', 'percent', { value: 3, numerator: 3, denominator: 100 })],
    ['x.drop', figure('x.drop', 'percent', { value: 60.3 })],
    ['x.ok', figure('x.ok', 'percent', { value: 3, numerator: 3, denominator: 100 })],
    ['x.online', figure('x.online', 'percent', { value: 60.3, numerator: 603, denominator: 1000 })],
    ['x.paid', figure('x.paid', 'dong', { value: 8_601_610_000 })],
    ['x.gifts', figure('x.gifts', 'dong', { value: 13_676_500_000 })],
  ]);
  const ctx: RenderContext = { variables: {}, figures };
  const preview = {
    report: { title: 'Báo cáo năm 2021' },
    header: renderHeader(BODY, AGENCY, ctx, { numberSeq: 5, date: '2022-01-05' }),
    sections: renderSections(BODY, ctx),
    figures: [...figures.values()],
    frozen: true,
  } as unknown as ReportPreview;
  const zip = await JSZip.loadAsync(await buildDocx(preview));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
  return { xml, text };
}

describe('DOCX layout (Decree 30/2020) and number formats', () => {
  it('puts the national title on one line in a column wide enough for it, 12 pt bold', async () => {
    const { xml, text } = await documentXml();
    expect(text).toContain(`|${NATIONAL_TITLE}|`);
    expect(xml).toMatch(
      new RegExp(`<w:b/><w:bCs/><w:sz w:val="${NATIONAL_TITLE_PT * 2}"/>.{0,120}>${NATIONAL_TITLE}<`, 's'),
    );
    expect(textWidth(NATIONAL_TITLE, NATIONAL_TITLE_PT, true)).toBeLessThan(NATIONAL_TITLE_COLUMN);
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].slice(0, 2).map((m) => Number(m[1]));
    expect(cols[1]! / (cols[0]! + cols[1]!)).toBeCloseTo(0.6, 2);
  });

  it('never breaks the agency name inside a word group', async () => {
    const { text } = await documentXml();
    expect(text).toContain(`|SỞ${NBSP}LAO${NBSP}ĐỘNG${NBSP}-|THƯƠNG${NBSP}BINH${NBSP}VÀ${NBSP}XÃ${NBSP}HỘI|`);
    expect(text).toContain(`UBND|TỈNH${NBSP}BÌNH${NBSP}PHƯỚC|`);
    expect(text).not.toMatch(/THƯƠNG \|?BINH/);
  });

  it('draws the rule under the summary 1/3 to 1/2 of its line', async () => {
    const { xml } = await documentXml();
    const rules = [
      ...xml.matchAll(/<w:pBdr><w:top [^>]*\/><\/w:pBdr>.{0,200}?<w:ind w:left="(\d+)" w:right="(\d+)"\/>/gs),
    ];
    expect(rules.length).toBe(2);
    const contentWidth = 11906 - 1701 - 851;
    const summary = rules[1]!;
    const width = contentWidth - Number(summary[1]) - Number(summary[2]);
    const line = textWidth(BODY.summary, 14, true);
    expect(width / line).toBeGreaterThanOrEqual(1 / 3);
    expect(width / line).toBeLessThanOrEqual(1 / 2);
    expect(RULE_SHARE).toBeGreaterThanOrEqual(1 / 3);
  });

  it('writes each figure as the template asks: "3%", "60,3%", two decimals only where asked, "triệu đồng" only where asked', async () => {
    const { text } = await documentXml();
    const para = text.replace(/\|/g, '');
    expect(para).toContain('Thất nghiệp 3%, giảm 60,3%; đúng hạn 3,00%; trực tuyến 603/1.000 (60,3%);');
    expect(para).toContain('chi 8.601.610.000 đồng, quà 13.676,5 triệu đồng.');
  });
});

describe('shipped templates', () => {
  it('every shipped template passes validateTemplate: each programme figure names its programme or group', () => {
    for (const t of REPORT_TEMPLATES) expect([t.code, validateTemplate(t.body)]).toEqual([t.code, []]);
  });

  it('the annual report sums only the Covid programmes in its Covid paragraph', () => {
    const annual = REPORT_TEMPLATES.find((t) => t.code === 'dan-van-nam')!;
    const covid = annual.body.sections.find((s) => s.title.includes('Covid-19'))!;
    const text = covid.blocks.map((b) => (b.type === 'text' ? b.text : '')).join(' ');
    const programFigures = [...text.matchAll(/\{(programs\.[^}]+)\}/g)].map((m) => m[1]!);
    expect(programFigures.length).toBeGreaterThan(0);
    for (const f of programFigures) expect(f).toContain('(group=covid)');
  });

  it('refuses a programme figure that would sum every programme, an unknown parameter and an unknown group', () => {
    const body: ReportBody = {
      ...BODY,
      sections: [
        {
          id: 's',
          number: '1.',
          title: 'Hỗ trợ',
          level: 2,
          blocks: [
            {
              type: 'text',
              id: 's.p1',
              text: 'Chi {programs.amount_paid|dong} cho {programs.persons_paid(group=covid)} người.',
            },
            {
              type: 'text',
              id: 's.p2',
              text: '{programs.persons_paid(nhom=covid)} và {programs.persons_paid(group=lu_lut)}',
            },
            { type: 'table', id: 's.t', caption: '', rows: [{ label: 'Chi trả', figure: 'programs.amount_paid' }] },
          ],
        },
      ],
    };
    const problems = validateTemplate(body);
    expect(problems.map((p) => [p.path, p.placeholder])).toEqual([
      ['s.p1', '{programs.amount_paid|dong}'],
      ['s.p2', '{programs.persons_paid(nhom=covid)}'],
      ['s.p2', '{programs.persons_paid(nhom=covid)}'],
      ['s.p2', '{programs.persons_paid(group=lu_lut)}'],
      ['s.t.rows.0', '{programs.amount_paid}'],
    ]);
    expect(problems[0]!.message).toMatch(/ghi rõ chương trình hoặc nhóm/);
    // A count of lists in a workflow needs no filter; an entered indicator is not checked here.
    expect(
      validateTemplate({ ...BODY, summary: '{programs.lists_pending_approval} {employment.jobs_created}' }),
    ).toEqual([]);
  });
});
