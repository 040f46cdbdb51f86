/**
 * Metadata stage: title, document type, region, year, issuer, document
 * number, dates, period and topics of a segmented document, each with its
 * evidence, and the frontmatter they make (without the slug, which
 * is unique only across the whole collection, and with no figures yet: the
 * extract stage adds them). The rules are in ../metadata/ and the lexicon.
 */
import type { Block, Draft, Stage } from '../model.ts';
import type { Lexicon } from '../../lexicon.ts';
import { numberBlocks, blockText } from '../blocks.ts';
import { displayTitle, MAX_TITLE_CHARS } from '../display.ts';
import { detectRegion, mediaPlaceText, placeIn, titleOpeningPlace, type FormalText } from '../metadata/region.ts';
import { detectYear } from '../metadata/year.ts';
import { detectDocType, leadingDocNumber, typeOfTitle, withoutTitleNoise, type DocTypeResult } from '../metadata/doctype.ts';
import { detectTopics } from '../metadata/topics.ts';
import { detectPeriod } from '../metadata/period.ts';
import { findInlineSignature, findSignature, isIssuerLine } from '../metadata/signature.ts';
import { findDate } from '../metadata/dates.ts';
import { compileFrame, roleOf, type CompiledFrame } from '../frame.ts';
import { titleKey, transmittedTitles } from '../transmittal.ts';
import { compact, toSimplified, trimEndOf, withoutTrailingParentheticals } from '../chinese.ts';
import type { CleaningNote, RecordField } from '../../../schema/document.ts';

/**
 * Joins title lines. Spaces that spread out single characters (工 作 总 结) go; spaces between
 * words of a headline (…强调 着力建设健康自贡 提升全民健康水平) stay, one each.
 */
export function titleText(draft: Draft): string {
  const joined = draft.titleLines.map((l) => trimEndOf(l.text.trim(), ' |｜')).join('');
  const words = joined.split(/[\s\u3000]+/u).filter((w) => w !== '');
  const spaced = words.length > 1 && words.filter((w) => [...w].length <= 2).length >= words.length - 1;
  const cleaned = (spaced ? joined.replace(/(?<=[\p{Script=Han}）)])[\s\u3000]+(?=[\p{Script=Han}（(])/gu, '') : words.join(' ')).trim();
  if (cleaned) return cleaned;
  // Untitled text: its first paragraph's words, with a parenthetical that follows it ((2021年度), （征求意见稿）).
  const paragraphs = draft.blocks.flatMap((b) => (b.type === 'table' ? [] : [b.text.trim()]));
  const first = paragraphs[0];
  if (first !== undefined) return /^[（(][^（()）]{1,20}[）)]$/u.test(paragraphs[1] ?? '') && [...first].length <= 40 ? `${first}${paragraphs[1]}` : first.slice(0, 40);
  return `${draft.source.file} #${draft.index}`;
}

/**
 * A portal's tag of the city before a headline about one of its counties (长治市：襄垣县被确定为…):
 * the headline is the county's, the tag the column's.
 */
export function withoutCityTag(title: string, lexicon: Parameters<typeof titleOpeningPlace>[1]): string {
  const tag = title.match(/^(\p{Script=Han}{2,8}(?:市|州|盟|地区))\s*[:：]\s*/u);
  if (!tag?.[1]) return title;
  const rest = title.slice(tag[0].length);
  const county = titleOpeningPlace(rest, lexicon);
  return county && county !== tag[1] && rest.length >= county.length + 4 && placeIn(county, tag[1], lexicon) ? rest : title;
}

/** Lines of the source that the document spans, first and last (a loop: spreading 200,000 lines into Math.min overflows the stack). */
function spanOf(draft: Draft): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const l of draft.titleLines.concat(draft.lines)) {
    if (l.from < first) first = l.from;
    if (l.to > last) last = l.to;
  }
  return Number.isFinite(first) ? [first, last] : [1, 1];
}

/** Site boilerplate lines of the document's source (the split stage's drops are not boilerplate). */
const boilerplateLines = (draft: Draft) => draft.source.dropped.filter((d) => d.stage === 'boilerplate').length;

/** How much of the opening text is read for a plan's period and the text's form. */
const OPENING_CHARS = 600;
/** A body this long after a transmittal notice's title carries the document, even with no title of its own. */
const CARRIED_BODY_CHARS = 600;
/** Characters after a notice's 现印发给你们 sentence beyond which its attachment follows (a signature, a 此件公开发布 and a 抄送 line are shorter). */
const CARRIED_AFTER_NOTICE_CHARS = 150;

/** The record field of a role, first of its kind (gongwen.yaml says which fields give what). */
function fieldOf(record: RecordField[], role: string, frame: CompiledFrame): RecordField | undefined {
  return record.find((f) => roleOf(f.field, frame) === role && f.value.trim() !== '');
}

/** A date field's value as a partial date, if it holds one. */
function dateField(field: RecordField | undefined): { field: string; value: string; date: string } | undefined {
  if (!field) return undefined;
  const found = findDate(field.value);
  return found ? { field: field.label || field.field, value: field.value, date: found.date } : undefined;
}

/** How much of a news report's first lines is its dateline, in characters. */
const DATELINE_CHARS = 30;

/**
 * A news report's dateline: its first characters, ending where a clause ends rather than inside a
 * word (…高质量推进紧密型县域医共体建设，提高县|域… holds no 高县).
 */
export function datelineHead(text: string): string {
  const chars = [...text];
  const head = chars.slice(0, DATELINE_CHARS);
  if (chars.length <= DATELINE_CHARS) return head.join('');
  let end = head.length;
  while (end > 0 && /[\p{Script=Han}A-Za-z0-9]/u.test(head[end - 1] ?? '')) end--;
  return (end > 0 ? head.slice(0, end) : head).join('');
}

/**
 * A news report's 来源 as its issuer when no organ issued it (来源：汉中日报, 信息来源：区人大): a short
 * name, not a site's word for itself (本站, 网络: gongwen.yaml news.genericSources).
 */
function newsSource(record: RecordField[], generic: readonly string[]): string | null {
  const value = record.find((f) => f.field === 'source')?.value;
  const whole = value ? compact(value) : '';
  // Without a parenthetical after it (汉中日报（记者 张三）).
  const open = whole.search(/[（(]/u);
  const name = open >= 0 ? whole.slice(0, open) : whole;
  return /^\p{Script=Han}{2,16}$/u.test(name) && !generic.some((g) => name === g || name.startsWith(g)) ? name : null;
}

/** How a document refers to itself, by its type word: 本实施意见 and 本意见 for …的实施意见 (none for a 通知: a notice calls itself so too). */
function selfReference(title: string, lexicon: Lexicon): string[] {
  const own = typeOfTitle(withoutTrailingParentheticals(compact(toSimplified(title))), lexicon.docTypes);
  if (!own || own.type === '通知') return [];
  return [...new Set([own.suffix, own.suffix.slice(-2)])].filter((w) => w.length >= 2).map((w) => `本${w}`);
}

/** The issuer a masthead or 发布机构 gives: 临潭县人民政府办公室文件 → 临潭县人民政府办公室. */
const issuerOf = (field: RecordField) => compact(field.value).replace(/文件$/u, '');

export function describeDocument(draft: Draft, lexicon: Lexicon): Draft {
  const frame = compileFrame(lexicon.gongwen);
  const noise = lexicon.structure.titleNoise;
  // A portal's 标题/名称 field names a document whose page shows no title line of its own.
  const titleField = draft.titleLines.length === 0 ? fieldOf(draft.record, 'title', compileFrame(lexicon.gongwen)) : undefined;
  const headTitle = withoutCityTag(withoutTitleNoise(titleField ? compact(titleField.value) : titleText(draft), noise), lexicon);
  const noticeTitle = draft.notice ? withoutTitleNoise(titleText({ ...draft, titleLines: draft.notice.titleLines }), noise) : headTitle;
  const bodyChars = draft.lines.reduce((n, l) => n + l.text.trim().length, 0);
  const carried = transmittedTitles(noticeTitle, lexicon.structure.transmittal);
  // A transmittal notice and the document it carries are one: the document's title, the notice's date.
  // Without a title line of its own, the attachment is there when the text is long, or names it
  // again after the notice's 印发给你们 (a page that runs notice and attachment together).
  const flat = compact(draft.lines.map((l) => l.text).join(''));
  const handedOver = flat.search(/(?:印发|转发|下发)给你们/u);
  const namedAgain = carried.length === 1 && handedOver >= 0 && flat.indexOf(titleKey(carried[0] ?? ''), handedOver) > handedOver;
  // Text of its own after the notice's sentence and signature: the attachment, its title lost (…现印发给你们… 某县人民政府办公室 2022年4月28日 为加快推进…).
  const handedEnd = handedOver >= 0 ? flat.indexOf('。', handedOver) : -1;
  const continues = carried.length === 1 && handedEnd >= 0 && flat.length - handedEnd > CARRIED_AFTER_NOTICE_CHARS;
  // The text calls itself the carried document (特制订本实施意见, 本方案自印发之日起施行): it is that document.
  const selfNamed = carried.length === 1 && selfReference(carried[0] ?? '', lexicon).some((w) => flat.includes(w));
  const joined = draft.attachment !== undefined || draft.notice !== undefined || (carried.length === 1 && (bodyChars >= CARRIED_BODY_CHARS || namedAgain || continues || selfNamed));
  const fullTitle = draft.attachment ? compact(draft.attachment.title) : joined && carried[0] && !draft.notice ? carried[0] : headTitle;
  const title = displayTitle(fullTitle);
  // A title too long to show is kept whole as the text's first paragraph.
  const longTitle = title !== fullTitle && draft.titleLines.length > 0;
  const titleBlock: Block[] = longTitle ? [{ type: 'paragraph', text: fullTitle, from: draft.titleLines[0]?.from ?? 1, to: draft.titleLines.at(-1)?.to ?? 1 }] : [];
  const blocks = longTitle ? numberBlocks([...titleBlock, ...draft.blocks]) : draft.blocks;
  const bodyText = blocks.map((b) => blockText(b)).join('\n');
  const texts = blocks.filter((b) => b.type !== 'table').map((b) => b.text);
  const lastLines = blocks.slice(-4).map((b) => (b.type === 'table' ? '' : b.text));
  const opening = texts.slice(0, 12);

  // The 公文 frame: record fields first, then the signatures of the notice and of the text.
  // Its values are read, like the text, in Simplified script (澤庫縣人民政府辦公室 → 泽库县人民政府办公室).
  const record = draft.record.map((f) => ({ ...f, value: toSimplified(f.value) }));
  const endings = [...lexicon.gongwen.issuerEndings, ...lexicon.gazetteerExtra.issuers];
  const noticeLines = draft.notice?.lines.map((l) => l.text) ?? (draft.attachment ? draft.lines.filter((l) => l.from < (draft.attachment?.line ?? 0)).map((l) => l.text) : []);
  const noticeSignature = findSignature(noticeLines, endings) ?? (carried.length > 0 ? findInlineSignature(texts.slice(0, 3).join(''), endings) : undefined);
  // A signature closes the text: a date in its first block is the page's date, not a signature.
  // GB/T 9704: attachments follow the signature, so under a 附件 mark on a line of its own the text before it is signed.
  const attachmentMarks = record.filter((f) => f.field === 'attachmentMark').map((f) => f.line);
  const beforeAttachment = attachmentMarks.length > 0 ? blocks.flatMap((b) => (b.type !== 'table' && b.to < (attachmentMarks.at(-1) ?? 0) ? [b.text] : [])) : [];
  const closing = findSignature(texts.slice(-20), endings, 8) ?? (beforeAttachment.length > 0 ? findSignature(beforeAttachment.slice(-20), endings, 8) : undefined);
  const onTop = closing !== undefined && texts.length > 0 && closing.lines.includes(texts[0]?.trim() ?? '');
  const ownSignature = onTop ? undefined : closing;
  const topDate = onTop && closing ? { field: 'dateline', value: closing.date, date: closing.date } : undefined;
  const signature = noticeSignature ?? ownSignature;
  // The issuer: the masthead, the organ that opens the title (某县人民政府关于…), the signature,
  // then a portal's 发布机构 (often shortened to 区政府).
  const masthead = record.find((f) => f.field === 'masthead');
  const titleLead = noticeTitle.match(/^(\p{Script=Han}{4,40}?)(?:关于|印发|转发)/u)?.[1];
  // Failing all else, an organ that opens an answer (某街道办事处 对…建议的答复) or an address of its own (某委员会2026年新年贺词).
  const ownLead = noticeTitle.match(/^(\p{Script=Han}{4,40}?)\s*(?:对|(?:19|20)\d{2}年)/u)?.[1];
  const ownIssuer = ownLead && isIssuerLine(ownLead, endings) ? ownLead : undefined;
  // The title may shorten the organ the signature writes in full (湖州市卫生健康委 … 湖州市卫生健康委员会): the full name.
  const fuller = (lead: string) => {
    const signed = signature?.issuer ? compact(signature.issuer) : '';
    return signed.length > lead.length && signed.startsWith(lead) ? signed : lead;
  };
  const leadIssuer = titleLead && isIssuerLine(titleLead, endings) ? fuller(titleLead) : undefined;
  const issuerField = fieldOf(record, 'issuer', frame);
  const portalIssuer = issuerField && issuerField.field !== 'masthead' ? issuerOf(issuerField) : undefined;
  // A news item's 来源 is its issuer when it names an organ (来源：某县卫生健康局).
  const sourceField = record.find((f) => f.field === 'source' && isIssuerLine(f.value, endings));
  const issuer = (masthead ? issuerOf(masthead) : undefined) ?? leadIssuer ?? signature?.issuer ?? portalIssuer ?? (sourceField ? compact(sourceField.value) : undefined) ?? ownIssuer ?? null;
  const issuerPosition = masthead || leadIssuer ? 'issuer' : signature?.issuer ? 'signature' : portalIssuer || sourceField || !ownIssuer ? 'portalField' : 'issuer';
  const docNumber = fieldOf(record, 'docNumber', frame)?.value.replace(/\s+/gu, '') ?? leadingDocNumber(titleText(draft)) ?? null;
  const issuedField = dateField(fieldOf(record, 'issued', frame));
  // A page's publication date; failing that, its 生效日期 (a policy takes effect at or soon after its issue).
  // A byline's date inside another field (来源：某某日报 2019-03-05) is the page's date too.
  const bylineDate = record.filter((f) => ['source', 'author', 'editor', 'views', 'other'].includes(f.field)).map(dateField).find((d) => d !== undefined && d.date.length === 10);
  // A labelled date (时间：2021-11-08) before a bare one: a bare date with its weekday may be the site's clock (2025年5月31日 星期六).
  const labelledDate = record.find((f) => f.label !== '' && roleOf(f.field, frame) === 'published' && findDate(f.value) !== null);
  const publishedField = dateField(labelledDate ?? fieldOf(record, 'published', frame)) ?? bylineDate ?? topDate ?? dateField(fieldOf(record, 'effective', frame));

  const docType = detectDocType(
    { title: draft.notice || draft.attachment || joined ? noticeTitle : headTitle, opening: draft.titleLines.length === 1 && !draft.attachment ? [headTitle, ...opening] : opening, newsFields: record.some((f) => ['source', 'editor', 'author', 'views'].includes(f.field) || (f.field === 'published' && f.label === '')), titlePlace: titleOpeningPlace(headTitle, lexicon) },
    lexicon,
  );
  // A notice carrying nothing in the file is a notice; joined with a document, the document's type.
  const carriedType = joined && fullTitle !== headTitle ? typeOfTitle(withoutTrailingParentheticals(withoutTitleNoise(fullTitle, noise)), lexicon.docTypes) : undefined;
  const type: DocTypeResult =
    carried.length > 0 && !joined
      ? { type: '通知', evidence: [{ kind: 'titleSuffix', suffix: lexicon.structure.transmittal.end }] }
      : carriedType
        ? { type: carriedType.type, evidence: [{ kind: 'transmitted', title: fullTitle, suffix: carriedType.suffix }] }
        : docType;
  const planning = lexicon.docTypes.some((t) => t.type === type.type && t.plan);
  const period = planning ? detectPeriod(`${fullTitle}\n${noticeTitle}`, opening.join('\n').slice(0, OPENING_CHARS)) : null;
  const news = type.type === '新闻报道';

  const formal: FormalText[] = [
    { position: 'title', text: fullTitle },
    ...(noticeTitle !== fullTitle ? [{ position: 'title' as const, text: noticeTitle }] : []),
    ...(issuer ? [{ position: issuerPosition, text: issuer } as FormalText] : []),
    ...(signature?.issuer && signature.issuer !== issuer ? [{ position: 'signature' as const, text: signature.issuer }] : []),
    ...(portalIssuer && portalIssuer !== issuer ? [{ position: 'portalField' as const, text: portalIssuer }] : []),
    // A news page's 来源 that is a place's own outlet (来源：五华发布).
    ...record.flatMap((f) => (f.field === 'source' ? [mediaPlaceText(f.value, lexicon)].filter((t): t is string => t !== undefined).map((text) => ({ position: 'portalField' as const, text })) : [])),
    ...(news ? opening.slice(0, 2).map((text) => ({ position: 'dateline' as const, text: datelineHead(text) })) : []),
  ];
  const region = detectRegion({ title: fullTitle, body: bodyText, formal, lastLines }, lexicon);
  const year = detectYear(
    {
      title: fullTitle,
      body: bodyText,
      dates: { ...(signature ? { signature: signature.date } : {}), ...(issuedField ? { issuedField } : {}), ...(publishedField ? { published: publishedField } : {}), ...(docNumber ? { docNumber } : {}), news, period },
      planning,
      lastLines,
    },
    lexicon,
  );
  const [first, last] = spanOf(draft);
  const rejoins = draft.source.repairs.filter((r) => r.kind === 'rejoin' && r.line >= first && r.line <= last).length;
  const notes: CleaningNote[] = [...draft.source.warnings, ...draft.notes];
  if (longTitle) notes.push({ kind: 'titleShortened', chars: MAX_TITLE_CHARS });
  if (record.length > 0) notes.push({ kind: 'recordLines', count: new Set(record.map((f) => f.line)).size });
  if (joined && draft.attachment) notes.push({ kind: 'attachmentJoined', title: fullTitle });
  return {
    ...draft,
    blocks,
    yearsRewritten: year.rewritten,
    data: {
      title,
      region: region.region,
      regionEvidence: region.evidence,
      year: year.year,
      yearInferred: year.inferred,
      yearEvidence: year.evidence,
      docType: type.type,
      typeEvidence: type.evidence,
      issuer: issuer ?? (news ? newsSource(record, lexicon.gongwen.news.genericSources) : null),
      docNumber,
      issued: issuedField?.date ?? signature?.date ?? null,
      published: publishedField?.date ?? null,
      period,
      record,
      topics: detectTopics(`${title}\n${bodyText}`, lexicon.topics),
      targets: [],
      figures: [],
      practices: [],
      source: {
        file: draft.source.file,
        sha256: draft.source.sha256,
        site: draft.source.site,
        lines: [first, last],
        index: draft.index,
        encoding: draft.source.encoding,
        format: draft.source.format,
        ...pagesOf(draft),
      },
      cleaning: {
        boilerplateLines: boilerplateLines(draft),
        rejoins,
        scriptConverted: draft.scriptConverted,
        repairs: draft.repairs,
        notes,
      },
    },
  };
}

/** A PDF's page of each paragraph, from where its first and last lines came from. */
function pagesOf(draft: Draft): { pages?: Record<string, string> } {
  if (draft.source.format !== 'pdf') return {};
  const pageOf = (line: number): number | undefined => {
    const origin = draft.source.origins[line - 1];
    return origin?.kind === 'pdf' ? origin.page : undefined;
  };
  const pages: Record<string, string> = {};
  for (const block of draft.blocks) {
    if (!block.id) continue;
    const [from, to] = [pageOf(block.from), pageOf(block.to)];
    if (from === undefined) continue;
    pages[block.id] = to !== undefined && to !== from ? `${from}–${to}` : String(from);
  }
  return { pages };
}

export const metadataStage = (): Stage<Draft> => ({ name: 'metadata', run: (draft, { lexicon }) => describeDocument(draft, lexicon) });
