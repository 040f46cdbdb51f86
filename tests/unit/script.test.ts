import { describe, expect, test } from 'vitest';
import { draftOf } from '../factories.ts';
import { convertScript } from '../../src/lib/ingest/stages/script.ts';

describe('convertScript', () => {
  test('a Traditional text is read in Simplified, with the transmittal notice it came with', () => {
    const draft = {
      ...draftOf(['為進一步深化醫藥衛生體制改革，推進縣域內醫療服務緊密型一體化共同體建設，制定本方案。']),
      notice: { titleLines: [{ text: '關於印發縣鄉醫共體建設工作實施方案的通知', from: 1, to: 1 }], lines: [{ text: '澤庫縣人民政府辦公室', from: 2, to: 2 }] },
      attachment: { title: '澤庫縣縣鄉醫共體建設工作實施方案', line: 3 },
    };
    const out = convertScript(draft);
    expect(out.scriptConverted).toBe(true);
    expect(out.lines[0]?.text).toBe('为进一步深化医药卫生体制改革，推进县域内医疗服务紧密型一体化共同体建设，制定本方案。');
    expect(out.notice?.titleLines[0]?.text).toBe('关于印发县乡医共体建设工作实施方案的通知');
    expect(out.notice?.lines[0]?.text).toBe('泽库县人民政府办公室');
    expect(out.attachment?.title).toBe('泽库县县乡医共体建设工作实施方案');
  });

  test('a Simplified text is left as it is', () => {
    const draft = draftOf(['为进一步深化医药卫生体制改革，制定本方案。']);
    expect(convertScript(draft)).toBe(draft);
  });
});
