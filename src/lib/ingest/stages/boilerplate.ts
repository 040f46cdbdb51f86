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
  maxLength: number;
  pageBreak: boolean;
}

export function compileRules(rules: Boilerplate['rules']): CompiledRule[] {
  return rules.map((rule) => {
    try {
      return { id: rule.id, regex: new RegExp(rule.pattern, 'u'), tail: rule.tail, maxLength: rule.maxLength, pageBreak: rule.pageBreak };
    } catch (error) {
      throw new Error(`boilerplate rule "${rule.id}": invalid pattern ${JSON.stringify(rule.pattern)}: ${(error as Error).message}`);
    }
  });
}

/** The rule a line matches, if any. */
export function matchBoilerplate(text: string, rules: CompiledRule[]): CompiledRule | undefined {
  const line = toSimplified(text.trim());
  if (line === '') return undefined;
  return rules.find((rule) => line.length <= rule.maxLength && rule.regex.test(line));
}

/** Length under which a line after a footer start is still footer. */
const FOOTER_LINE_MAX = 60;

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

export function stripBoilerplate(source: Source, boilerplate: Boilerplate): Source {
  const compiled = compileRules(boilerplate.rules);
  const kept: TextLine[] = [];
  const dropped: DroppedLine[] = [...source.dropped];
  let inFooter = false;
  for (const line of source.lines) {
    const rule = matchBoilerplate(line.text, compiled);
    if (rule?.tail) inFooter = true;
    const footerLine = inFooter && line.text.trim().length <= FOOTER_LINE_MAX;
    if (rule || footerLine) {
      if (line.text.trim() !== '') dropped.push({ line: line.from, text: line.text, stage: 'boilerplate', reason: rule?.id ?? 'footer', ...(rule?.pageBreak ? { pageBreak: true } : {}) });
      continue;
    }
    inFooter = false;
    kept.push(line);
  }
  return { ...source, lines: kept, dropped, site: source.site ?? findSite(dropped, boilerplate.sitePatterns) };
}

/** The stage: site boilerplate removed by the lexicon's rules, every line reported with its rule. */
export const boilerplateStage = (): Stage<Source> => ({ name: 'boilerplate', run: (source, { lexicon }) => stripBoilerplate(source, lexicon.boilerplate) });
