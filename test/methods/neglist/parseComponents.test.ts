import { describe, expect, it } from 'vitest';
import type { RestrictionComponent } from '../../../src/methods/neglist/components.js';
import { parseComponents, proposeMeasure } from '../../../src/methods/neglist/parseComponents.js';

// Real measure texts, copied from /work/shared/data/neglist/texts/*.json (official text, PRC Copyright Law Art. 5).
const control = (subSector?: string): RestrictionComponent => ({
  kind: 'equity_cap', form: 'chinese_control', maxForeignShare: 50, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment',
  ...(subSector === undefined ? {} : { subSector }),
});
const cap = (maxForeignShare: number, subSector?: string): RestrictionComponent => ({
  kind: 'equity_cap', form: 'cap', maxForeignShare, exclusive: false, holder: 'all_foreign', obligation: 'national_treatment',
  ...(subSector === undefined ? {} : { subSector }),
});
const prohibition: RestrictionComponent = { kind: 'prohibition', obligation: 'market_access' };

const CASES: readonly { source: string; text: string; expected: RestrictionComponent[] }[] = [
  { source: 'cn-fdi-national-2019 #1', text: '小麦、玉米新品种选育和种子生产须由中方控股。', expected: [control('小麦、玉米新品种选育和种子生产')] },
  {
    source: 'cn-fdi-national-2021 #1',
    text: '小麦新品种选育和种子生产的中方股比不低于34%、玉米新品种选育和种子生产须由中方控股。',
    expected: [cap(66, '小麦新品种选育和种子生产'), control('玉米新品种选育和种子生产')],
  },
  { source: 'cn-fdi-national-2021 #4', text: '禁止投资中国管辖海域及内陆水域水产品捕捞。', expected: [prohibition] },
  { source: 'cn-fdi-national-2021 #5', text: '禁止投资稀土、放射性矿产、钨勘查、开采及选矿。', expected: [prohibition] },
  { source: 'cn-fdi-national-2021 #6', text: '出版物印刷须由中方控股。', expected: [control('出版物印刷')] },
  { source: 'cn-fdi-national-2019 #12', text: '城市人口50万以上的城市供排水管网的建设、经营须由中方控股。', expected: [control('城市人口50万以上的城市供排水管网的建设、经营')] },
  {
    source: 'cn-fdi-national-2019 #9',
    text: '除专用车、新能源汽车外，汽车整车制造的中方股比不低于50%，同一家外商可在国内建立两家及两家以下生产同类整车产品的合资企业。（2020年取消商用车制造外资股比限制。2022年取消乘用车制造外资股比限制以及同一家外商可在国内建立两家及两家以下生产同类整车产品的合资企业的限制）',
    expected: [cap(50, '除专用车、新能源汽车外，汽车整车制造')],
  },
  {
    source: 'cn-fdi-national-2019 #15',
    text: '公共航空运输公司须由中方控股，且一家外商及其关联企业投资比例不得超过25%，法定代表人须由中国籍公民担任。',
    expected: [
      control('公共航空运输公司'),
      { kind: 'equity_cap', form: 'cap', maxForeignShare: 25, exclusive: false, holder: 'single_foreign_investor', obligation: 'national_treatment' },
      { kind: 'management_nationality', role: 'legal_representative', requirement: 'all', obligation: 'senior_management_boards' },
    ],
  },
  {
    source: 'cn-fdi-national-2019 #16 (truncated in source)',
    text: '通用航空公司的法定代表人须由中国籍公民担任，其中农、林、渔',
    expected: [{ kind: 'management_nationality', role: 'legal_representative', requirement: 'all', obligation: 'senior_management_boards' }],
  },
  {
    source: 'cn-fdi-national-2021 #16',
    text: '禁止投资中国法律事务（提供有关中国法律环境影响的信息除外），不得成为国内律师事务所合伙人。',
    expected: [prohibition, prohibition],
  },
  {
    source: 'cn-fdi-national-2021 #17',
    text: '市场调查限于合资，其中广播电视收听、收视调查须由中方控股。',
    expected: [
      { kind: 'equity_cap', form: 'joint_venture', maxForeignShare: 100, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment', subSector: '市场调查' },
      control('广播电视收听、收视调查'),
    ],
  },
  { source: 'cn-fdi-national-2024 #23', text: '禁止投资新闻机构（包括但不限于通讯社）。', expected: [prohibition] },
  {
    source: 'cn-xbs-national-2024 #10',
    text: '外国船舶检验机构未在中国设立验船公司，不得派员或雇员在中国境内开展船舶检验活动，在中国境内所签发的证书、报告等文书无效',
    expected: [{ kind: 'local_presence', obligation: 'local_presence' }],
  },
  { source: 'cn-xbs-national-2024 #46', text: '在中国境外设立的经营主体，以及境外个人，不得从事报关业务', expected: [prohibition] },
  {
    source: 'cn-xbs-national-2024 #1 (truncated in source)',
    text: '未经中国政府批准，境外个人、境外渔业船舶不得进入中国管辖水域，从',
    expected: [{ kind: 'licence_or_quota', obligation: 'market_access' }],
  },
  { source: 'cn-xbs-hainan-2021 #2', text: '境外服务提供者不得提供建筑及相关工程服务。', expected: [prohibition] },
];

describe('parseComponents on real measure texts', () => {
  for (const c of CASES) {
    it(`reads ${c.source}`, () => {
      const r = parseComponents(c.text);
      expect(r.proposals.map((p) => p.component)).toEqual(c.expected);
      expect(r.unparsed).toBe(false);
    });
  }

  it('returns the matched span, which slices back out of the text', () => {
    const text = '小麦新品种选育和种子生产的中方股比不低于34%、玉米新品种选育和种子生产须由中方控股。';
    const r = parseComponents(text);
    expect(r.proposals.map((p) => [p.span.text, p.pattern])).toEqual([['中方股比不低于34%', 'chinese_min_share'], ['须由中方控股', 'chinese_control']]);
    for (const p of r.proposals) expect(text.slice(p.span.start, p.span.end)).toBe(p.span.text);
  });

  it('flags a measure with no stated condition as unparsed instead of guessing (2019 #10)', () => {
    const r = parseComponents('卫星电视广播地面接收设施及关键件生产。');
    expect(r.proposals).toEqual([]);
    expect(r.unparsed).toBe(true);
  });

  it('reads a foreign maximum share, a majority nationality rule for boards and a performance requirement', () => {
    const r = parseComponents('某业务外资股比不超过49%，董事会成员过半数须为中国国籍，且须承诺技术转让。');
    expect(r.proposals.map((p) => p.component)).toEqual([
      cap(49, '某业务'),
      { kind: 'management_nationality', role: 'board', requirement: 'majority', obligation: 'senior_management_boards' },
      { kind: 'performance_requirement', obligation: 'performance_requirements' },
    ]);
  });

  it('reads senior-management nationality', () => {
    const r = parseComponents('高级管理人员须为中国籍。');
    expect(r.proposals.map((p) => p.component)).toEqual([{ kind: 'management_nationality', role: 'senior_management', requirement: 'all', obligation: 'senior_management_boards' }]);
  });

  it('proposeMeasure builds an unreviewed measure', () => {
    const m = proposeMeasure('2021-6', '出版物印刷须由中方控股。', { sector: 'C' });
    expect(m).toMatchObject({ id: '2021-6', reviewed: false, unparsed: false, scope: { sector: 'C' } });
    expect(m.components).toEqual([control('出版物印刷')]);
  });

  it('an empty text is unparsed; a non-string is a coded error', () => {
    expect(parseComponents('').unparsed).toBe(true);
    expect(() => parseComponents(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'disparity.option_invalid', params: expect.objectContaining({ option: 'text' }) }));
  });
});
