/**
 * The evidence and cleaning notes of a document (src/schema/evidence.ts) as
 * Chinese sentences, for its page and for the ingest report. One function per
 * union, one case per kind: a kind without words here fails type-checking.
 */
import type { CleaningNote, RegionEvidence, TypeEvidence, YearEvidence } from '../schema/evidence.ts';
import type { RecordField } from '../schema/document.ts';
import { paragraphLabel } from './labels.ts';

const positionWords: Record<Extract<RegionEvidence, { kind: 'formal' }>['position'], string> = {
  title: '标题',
  issuer: '发文机关',
  signature: '落款',
  docNumber: '发文字号',
  portalField: '公开目录字段',
  dateline: '新闻电头',
};

export function regionEvidenceText(e: RegionEvidence): string {
  switch (e.kind) {
    case 'formal':
      return `${positionWords[e.position]}写明“${e.name}”${e.text && e.text !== e.name ? `（${e.text}）` : ''}${e.current ? `，今为${e.current}` : ''}`;
    case 'citedDocuments':
      return `标题未写地名；据正文引用的本地文件推断：${e.citations.join('、')}`;
    case 'body':
      return `据正文推断：正文${e.count}次提到${e.name}`;
    case 'docCode':
      return `标题未写地名；据正文引用的发文字号前缀“${e.prefix}〔〕”推断（${e.name}的文号）`;
    case 'anonymised':
      return `地名被隐去（以“${e.mark}”代替），文中没有其他能确定地区的信息`;
    case 'none':
      return '文中没有地名、本地文件或发文字号能确定地区';
  }
}

export function yearEvidenceText(e: YearEvidence): string {
  switch (e.kind) {
    case 'signatureDate':
      return `落款成文日期：${e.date}`;
    case 'portalField':
      // A field read off a byline has no label of its own: its Chinese name (published → 发布日期).
      return `公开目录“${fieldNames[e.field] ?? e.field}”：${e.value}`;
    case 'title':
      return `标题中的年份：${e.year}年`;
    case 'docNumber':
      return `发文字号中的年份：${e.docNumber}`;
    case 'dateline':
      return `新闻发布日期：${e.date}`;
    case 'eventYear':
      return `新闻所报道活动的名称中的年份：“${e.text}”`;
    case 'openingYear':
      return `文件未署日期，取正文开头所述的年份（“${e.text}”），属推断`;
    case 'period':
      return `文件未署日期，取其规划期（${e.from}—${e.to}年）的第一年，属推断`;
    case 'targetYearsOnly':
      return `文中只出现目标年份（${e.years.join('、')}年），未写成文年份`;
    case 'rewritten':
      return `年份疑被网站改写：文中写${e.year}年，但${e.reasons.join('；')}${e.dropped ? '，故不采用' : ''}`;
    case 'placeholders':
      return `年份被占位符代替（如“XX年”，${e.count}处）`;
    case 'blanked':
      return `年份数字被删去（只剩“年”字，${e.count}处）`;
    case 'otherYears':
      return `文中还提到：${e.years.join('、')}年`;
    case 'none':
      return '文中没有本文件的日期';
  }
}

const formWords: Record<Extract<TypeEvidence, { kind: 'form' }>['form'], string> = {
  news: '新闻报道的写法',
  speech: '对与会者的称呼',
  review: '回顾过去一段时期的成效',
  research: '摘要、关键词或研究性标题',
  answer: '答复代表建议或委员提案的写法',
};

export function typeEvidenceText(e: TypeEvidence): string {
  switch (e.kind) {
    case 'titleSuffix':
      return `标题以“${e.suffix}”结尾`;
    case 'transmitted':
      return `印发通知，类型取所印发的《${e.title}》${e.suffix ? `（以“${e.suffix}”结尾）` : ''}`;
    case 'form':
      return `据文本形式判断：${formWords[e.form]}（“${e.cue}”）`;
    case 'none':
      return '标题和文本形式都不能确定类型';
  }
}

export function cleaningNoteText(n: CleaningNote): string {
  switch (n.kind) {
    case 'scriptConverted':
      return '原文为繁体，已转换为简体（OpenCC）';
    case 'synonymSpinning':
      return `发现机器同义词替换（${n.terms.join('、')}），已修复${n.repairs}处`;
    case 'tableRebuilt':
      return `由制表符分隔的行重建表格：${n.rows}行，删除重复表头${n.droppedHeaders}行，接回折行单元格${n.rejoinedCells}处`;
    case 'titleShortened':
      return `标题过长，显示时截为${n.chars}字；完整标题见正文第一段`;
    case 'figureYearsDropped':
      return `${n.count}个数字的年份疑被改写，未采用`;
    case 'controlCharacters':
      return `删除${n.count}个控制字符（不是文字）`;
    case 'bomMismatch':
      return `文件开头的字节顺序标记为${n.declared}，实际编码为${n.actual}，按${n.actual}读取`;
    case 'charsetMismatch':
      return `网页声明的编码为${n.declared}，实际编码为${n.actual}，按${n.actual}读取`;
    case 'extractedFrom':
      return `${FORMAT_NAMES[n.format]}${n.pages === undefined ? '' : `（共${n.pages}页）`}${n.omitted > 0 ? `；${n.format === 'pdf' ? '页眉页脚' : n.format === 'html' ? '网页菜单、导航、页脚等' : '页眉页脚等'}${n.omitted}行未计入正文` : ''}`;
    case 'invalidBytes':
      return `${n.count === undefined ? '' : `${n.count}处`}无法按${n.encoding}解码的字节已替换为U+FFFD`;
    case 'recordLines':
      return `${n.count}行公文版头、公开目录或新闻署名信息作为元数据保存，不计入正文`;
    case 'attachmentJoined':
      return `印发通知与所印发的《${n.title}》合为一篇`;
    case 'sourceGap':
      return `来源网站在${n.after ? `${paragraphLabel(n.after)}之后` : '正文之前'}截断了原文（来源第${n.line}行：“${n.text.trim().slice(0, 30)}”），此处可能缺少内容`;
  }
}

/** Chinese names of the record fields of gongwen.yaml (the label as written is shown when it has one). */
const fieldNames: Record<string, string> = {
  indexNo: '索引号',
  category: '主题分类',
  issuer: '发布机构',
  issued: '成文日期',
  generated: '生成日期',
  published: '发布日期',
  effective: '生效日期',
  repealed: '废止日期',
  validity: '有效性',
  docNumber: '发文字号',
  title: '标题',
  disclosure: '公开属性',
  source: '来源',
  author: '作者',
  editor: '编辑',
  views: '浏览次数',
  signer: '签发人',
  copiesTo: '抄送',
  masthead: '发文机关标志',
  delivered: '讲话或报告日期',
  printed: '印发机关和印发日期',
  attachmentMark: '附件',
  addressee: '主送机关',
  other: '其他',
};

/** A record field as its page shows it: 索引号：…（原文第3行）. */
export function recordFieldText(f: RecordField): string {
  const name = f.label || (fieldNames[f.field] ?? '其他');
  return `${name}：${f.value}（原文第${f.line}行）`;
}

/** How each format's text was read, for the cleaning notes. */
const FORMAT_NAMES = { html: '正文取自保存的网页', docx: '正文取自Word文档（.docx）', doc: '正文取自Word 97–2003文档（.doc）', pdf: '正文取自PDF的文字层' } as const;
