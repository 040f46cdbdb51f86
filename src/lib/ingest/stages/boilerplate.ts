/**
 * Boilerplate stage: removes the lines a document-sharing site wraps around a
 * document (upload metadata, page counters, "点击查看更多", download and
 * copyright notices, footers, breadcrumbs). Rules are data, in
 * content/lexicon/boilerplate.yaml; every removed line is kept with its rule.
 */
import type { Boilerplate } from '../../lexicon.ts';
import type { DroppedLine, Source, Stage, TextLine } from '../model.ts';
import { toSimplified } from '../chinese.ts';

interface CompiledRule {
  id: string;
  regex: RegExp;
  tail: boolean;
  tailAfterText: boolean;
  maxLength: number;
  pageBreak: boolean;
  gap: boolean;
}

export function compileRules(rules: Boilerplate['rules']): CompiledRule[] {
  return rules.map((rule) => {
    try {
      return { id: rule.id, regex: new RegExp(rule.pattern, 'u'), tail: rule.tail, tailAfterText: rule.tailAfterText, maxLength: rule.maxLength, pageBreak: rule.pageBreak, gap: rule.gap };
    } catch (error) {
      throw new Error(`boilerplate rule "${rule.id}": invalid pattern ${JSON.stringify(rule.pattern)}: ${(error as Error).message}`);
    }
  });
}

/** The rule a line matches, if any. */
export function matchBoilerplate(text: string, rules: CompiledRule[]): CompiledRule | undefined {
  const line = toSimplified(text.trim());
  if (line === '') return undefined;
  // A page's list bullet is no part of the line (• 上一篇：… is the navigation row 上一篇：…).
  const unbulleted = line.replace(/^[•·●▪◆]\s*/u, '');
  const matching = (text: string) => rules.find((rule) => text.length <= rule.maxLength && rule.regex.test(text));
  return matching(line) ?? (unbulleted !== line ? matching(unbulleted) : undefined);
}

/** Length under which a line after a footer start is still footer. */
const FOOTER_LINE_MAX = 60;

/** A teaser: another page's opening, cut by the site with an ellipsis (…陇西县积极推进中医药品牌战略(2016...). */
const isTeaser = (trimmed: string): boolean => trimmed.endsWith('...') || trimmed.endsWith('…');

/** A sentence of the body: the text has begun once a line this long ends a sentence. */
const BODY_SENTENCE = /^.{20,}[。！？]/u;

/** Finds the site a text was scraped from: a URL's host, else a named site. */
export function findSite(dropped: DroppedLine[], sitePatterns: string[]): string | null {
  for (const { text } of dropped) {
    const url = text.match(/(?<![a-z0-9.-])((?:www\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|net|cn|org))/i);
    if (url?.[1]) return url[1].toLowerCase().replace(/^www\./, '');
  }
  for (const pattern of sitePatterns) {
    const regex = new RegExp(pattern, 'u');
    for (const { text } of dropped) {
      const named = toSimplified(text).match(regex);
      if (named?.[1]) return named[1];
    }
  }
  return null;
}

/**
 * A site's menu: a run of at least `minLines` very short lines (blank lines between them allowed),
 * none with punctuation or digits — 招商政策 / 投资流程 / 厂房价格 / 注册公司 — above the page's
 * first sentence (below it, such lines are the cells of a table written one per line).
 */
export function menuRuns(lines: TextLine[], rule: Boilerplate['menu'], titleSuffixes: readonly string[] = []): Set<TextLine> {
  const out = new Set<TextLine>();
  let run: TextLine[] = [];
  const flush = () => {
    if (run.length >= rule.minLines) for (const l of run) out.add(l);
    run = [];
  };
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    // A menu heads the page: after the first sentence, short lines are a table's cells, one per line.
    if (/[。；！？]/u.test(t)) break;
    // A table of contents (第一章 总则) is the document's, not a menu; a one-character line is a table's cell.
    const contents = /^第[一二三四五六七八九十百\d]+[章节条部篇]/u.test(t);
    const length = [...t].length;
    // A line that opens with a tab is a table's cell (isTableLine): tables keep their short cells.
    const cell = line.text.startsWith('\t');
    // A line ending in a type's word (…工作总结) is a title, not a link.
    const titled = titleSuffixes.some((s) => t.endsWith(s));
    if (!cell && !titled && length >= 2 && length <= rule.maxChars && /^[\p{Script=Han}A-Za-z ]+$/u.test(t) && !contents && !rule.keep.some((k) => t.endsWith(k))) run.push(line);
    else flush();
  }
  flush();
  return out;
}

export function stripBoilerplate(source: Source, boilerplate: Boilerplate, titleSuffixes: readonly string[] = []): Source {
  const compiled = compileRules(boilerplate.rules);
  const kept: TextLine[] = [];
  const dropped: DroppedLine[] = [...source.dropped];
  let inFooter = false;
  let bodyBegun = false;
  for (const line of source.lines) {
    const rule = matchBoilerplate(line.text, compiled);
    if (rule?.tail || (rule?.tailAfterText && bodyBegun)) inFooter = true;
    const trimmed = line.text.trim();
    const footerLine = inFooter && (trimmed.length <= FOOTER_LINE_MAX || isTeaser(trimmed));
    if (rule || footerLine) {
      if (trimmed !== '') dropped.push({ line: line.from, text: line.text, stage: 'boilerplate', reason: rule?.id ?? 'footer', ...(rule?.pageBreak ? { pageBreak: true } : {}), ...(rule?.gap ? { gap: true } : {}) });
      continue;
    }
    inFooter = false;
    if (!bodyBegun && BODY_SENTENCE.test(trimmed)) bodyBegun = true;
    kept.push(line);
  }
  const menu = menuRuns(kept, boilerplate.menu, titleSuffixes);
  for (const line of menu) dropped.push({ line: line.from, text: line.text, stage: 'boilerplate', reason: 'menu' });
  const remaining = menu.size > 0 ? kept.filter((l) => !menu.has(l)) : kept;
  return { ...source, lines: remaining, dropped, site: source.site ?? findSite(dropped, boilerplate.sitePatterns) };
}

/** The stage: site boilerplate removed by the lexicon's rules, every line reported with its rule. */
export const boilerplateStage = (): Stage<Source> => ({ name: 'boilerplate', run: (source, { lexicon }) => stripBoilerplate(source, lexicon.boilerplate, lexicon.docTypes.flatMap((t) => t.titleSuffixes)) });
