/** Tests of src/lib/labels.ts, src/lib/site/opendata.ts (CSV fields) and src/lib/site/chart.ts (bar geometry). */
import { describe, expect, test } from 'vitest';
import { formatTargetValue, regionPath } from '../../src/lib/labels.ts';
import { csvField, toCsv } from '../../src/lib/site/opendata.ts';
import { layoutBars, niceMax } from '../../src/lib/site/chart.ts';

describe('labels, CSV, chart geometry', () => {
  test.each([
    [{ name: '隰县', prefecture: '临汾市', province: '山西省', level: 'county' as const, slug: 'xixian' }, '山西省 临汾市 隰县'],
    [{ name: '临汾市', prefecture: null, province: '山西省', level: 'prefecture' as const, slug: 'linfen' }, '山西省 临汾市'],
    // A municipality is its own province.
    [{ name: '北京市', prefecture: null, province: '北京市', level: 'prefecture' as const, slug: 'beijing' }, '北京市'],
    [{ name: '新疆维吾尔自治区', prefecture: null, province: '新疆维吾尔自治区', level: 'province' as const, slug: 'xinjiang' }, '新疆维吾尔自治区'],
  ])('regionPath(%o) → %s', (region, expected) => {
    expect(regionPath(region)).toBe(expected);
  });

  test('values read as written', () => {
    expect(formatTargetValue({ value: 95, unit: '%', comparator: '≥', kind: 'target' })).toBe('≥95%');
    expect(formatTargetValue({ value: 93, unit: '名次', comparator: '=', kind: 'achieved' })).toBe('第93名');
    expect(formatTargetValue({ value: 1.5, valueMax: 2, unit: '人/千人', comparator: 'range', kind: 'target' })).toBe('1.5至2人/千人');
    expect(formatTargetValue({ value: 39.78, from: 51.03, unit: '元', comparator: '=', kind: 'change' })).toBe('51.03元 → 39.78元');
    expect(formatTargetValue({ value: 0.1 + 0.2, unit: '', comparator: '=', kind: 'achieved' })).toBe('0.3');
    // A movement without its start says its direction, with a true minus sign.
    expect(formatTargetValue({ value: 50, unit: '%', comparator: '=', kind: 'change' })).toBe('+50%');
    expect(formatTargetValue({ value: -15, unit: '%', comparator: '=', kind: 'change' })).toBe('−15%');
    // What a figure is counted per and the time it covers go into its unit (口径).
    expect(formatTargetValue({ value: 400, unit: '元', comparator: '=', kind: 'change', basis: 'person', per: 'month' })).toBe('+400元/人·月');
    expect(formatTargetValue({ value: 130, unit: '万元', comparator: '=', kind: 'achieved', per: 'year' })).toBe('130万元/年');
    expect(formatTargetValue({ value: 1.5, unit: '人/千人', comparator: '=', kind: 'target', basis: 'person' })).toBe('1.5人/千人');
    // A ratio to one is written as one (医护比 1∶1.1), never 1.11:n.
    expect(formatTargetValue({ value: 1.1, unit: '1:n', comparator: '≥', kind: 'target' })).toBe('≥1:1.1');
  });

  test('CSV fields are quoted by RFC 4180 and the file starts with a BOM', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField(null)).toBe('');
    const columns = [
      { key: 'a', header: '甲', meaning: '' },
      { key: 'b', header: '乙', meaning: '', csv: (v: unknown) => (v === 'x' ? '叉' : String(v)) },
    ] as const;
    expect(toCsv([{ a: 1, b: 'x' }], columns)).toBe('\uFEFF甲,乙\r\n1,叉\r\n');
  });

  test.each([
    ['=HYPERLINK("http://evil.example/","点击")', `"'=HYPERLINK(""http://evil.example/"",""点击"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['新农合=合疗', '新农合=合疗'],
  ])('a CSV text field that a spreadsheet would run as a formula is written as text: %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  test('numbers stay numbers in CSV, negative ones too', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12.5)).toBe('12.5');
  });

  test('bars scale to a round maximum and never leave the plot', () => {
    expect(niceMax(98.31)).toBe(100);
    expect(niceMax(1163.25)).toBe(2000);
    const chart = layoutBars([
      { label: '甲', value: 50, kind: 'target', valueText: '50%' },
      { label: '乙', value: 100, valueMax: 120, kind: 'achieved', valueText: '100–120%' },
    ]);
    expect(chart.max).toBe(200);
    expect(chart.bars[0]?.width).toBeCloseTo(chart.plotWidth / 4);
    for (const b of chart.bars) expect(b.width + b.extra).toBeLessThanOrEqual(chart.plotWidth);
  });
});
