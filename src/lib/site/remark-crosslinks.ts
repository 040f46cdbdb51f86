/**
 * remark plugin: links what a document's text mentions to the site's pages:
 * region names (regions that have a page), indicator names (indicators with
 * data) and glossary terms. Rules:
 *
 * - first mention per section only (a section is the text between two
 *   headings), never inside a heading, a link, code or a marked figure;
 * - the longest match at a position wins, across all three kinds, so
 *   新农合参合率 links the indicator, not 新农合; at equal length an
 *   indicator beats a glossary term, which beats a region;
 * - a glossary term inside a longer word is not linked: a few "blocker"
 *   words (农村医疗, 农村医务 … which contain 村医) consume their span;
 * - one-character terms and ambiguous ones (编制 also means "to draw up")
 *   are never linked.
 *
 * Links start with `root`: the site's base path (astro.config.mjs passes
 * it), or by default `../../`, relative to a document page
 * (`/documents/<slug>/`), which holds under any base path.
 */
import { loadLexicon, type Lexicon } from '../lexicon.ts';
import { readCorpusFacts, type CorpusFacts } from './corpus.ts';
import type { MdNode } from './mdast-lite.ts';
import { splitText } from './mdast-lite.ts';

type Kind = 'indicator' | 'glossary' | 'region' | 'blocker';

interface Term {
  text: string;
  kind: Kind;
  /** Link target, relative to a document page; '' for a blocker. */
  url: string;
  /** What the link stands for, for "first mention" bookkeeping. */
  key: string;
}

/** Words that contain a linkable term but mean something else; matched only to be skipped. */
export const BLOCKERS = ['农村医疗', '乡村医疗', '农村医务', '乡村医务', '农村医生', '村医疗', '村医药', '村医院', '村医务', '村医保'];

/** Glossary words that are ordinary words too, or name different things in different years. */
export const AMBIGUOUS_TERMS = new Set(['编制', '三基', '居民医保', '合疗']);

const rank: Record<Kind, number> = { blocker: 0, indicator: 1, glossary: 2, region: 3 };

/**
 * Whether an indicator pattern reads as the indicator's name. Patterns are
 * written for extraction and include sentence fragments (种基本药物,
 * 选派了, 人/千人) that make poor link text.
 */
export function isLinkablePattern(p: string): boolean {
  return (
    p.length >= 3 &&
    p.length <= 12 &&
    /^[\p{Script=Han}A-Za-z（）()]+$/u.test(p) &&
    !/^[占种名共选每对由]/u.test(p) &&
    !/[的了占于]$/u.test(p)
  );
}

export interface CrosslinkOptions {
  /** Lexicon (defaults to content/lexicon). */
  lexicon?: Pick<Lexicon, 'indicators' | 'glossary' | 'gazetteerExtra'>;
  /** Collection facts (defaults to reading content/documents). */
  facts?: CorpusFacts;
  /** Site base path ('/', '/reform-atlas/') or the path from a document page to it ('../../'). */
  root?: string;
}

/** All terms, grouped by first character, longest (then highest ranked) first. */
export function buildTerms(
  lexicon: NonNullable<CrosslinkOptions['lexicon']>,
  facts: CorpusFacts,
  root = '../../',
): Map<string, Term[]> {
  const terms: Term[] = [];
  for (const ind of lexicon.indicators) {
    if (!facts.indicators.has(ind.id)) continue;
    for (const text of new Set([ind.label, ...ind.patterns].filter(isLinkablePattern))) {
      terms.push({ text, kind: 'indicator', url: `${root}indicators/${ind.id}/`, key: `i:${ind.id}` });
    }
  }
  // A glossary word claimed by two entries is ambiguous too.
  const owners = new Map<string, Set<string>>();
  for (const g of lexicon.glossary) {
    for (const w of [g.term, ...g.aliases]) owners.set(w, (owners.get(w) ?? new Set()).add(g.id));
  }
  for (const g of lexicon.glossary) {
    for (const text of new Set([g.term, ...g.aliases])) {
      if ([...text].length < 2 || AMBIGUOUS_TERMS.has(text) || (owners.get(text)?.size ?? 0) > 1) continue;
      terms.push({ text, kind: 'glossary', url: `${root}glossary/#${g.id}`, key: `g:${g.id}` });
    }
  }
  for (const [name, slug] of facts.regionNames) {
    if ([...name].length < 2) continue;
    terms.push({ text: name, kind: 'region', url: `${root}regions/${slug}/`, key: `r:${slug}` });
  }
  for (const text of BLOCKERS) terms.push({ text, kind: 'blocker', url: '', key: '' });

  const byFirst = new Map<string, Term[]>();
  for (const term of terms) {
    const first = term.text[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push(term);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length || rank[a.kind] - rank[b.kind]);
  return byFirst;
}

/** Node types whose text is never linked. */
const SKIP = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'html', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxFlowExpression', 'mdxjsEsm', 'yaml']);

function linkNode(term: Term, value: string): MdNode {
  return {
    type: 'link',
    url: term.url,
    children: [{ type: 'text', value }],
    // No class or title: a document has a hundred such links and pages stay light;
    // site.css styles links in the text by their href.
  };
}

/** Links the text nodes under `node`; `seen` holds the keys linked in the current section. */
function linkTexts(node: MdNode, terms: Map<string, Term[]>, seen: Set<string>): void {
  const children = node.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as MdNode;
    if (child.type === 'heading') {
      // A new section starts: every term may be linked once more.
      seen.clear();
      continue;
    }
    // A marked figure (remark-highlight-targets) keeps its text as it is.
    if (SKIP.has(child.type) || child.data?.hName === 'mark') continue;
    if (child.type !== 'text') {
      linkTexts(child, terms, seen);
      continue;
    }
    const value = child.value ?? '';
    const spans: Array<{ start: number; end: number; wrap: (v: string) => MdNode }> = [];
    for (let at = 0; at < value.length; ) {
      const term = (terms.get(value[at] ?? '') ?? []).find((t) => value.startsWith(t.text, at));
      if (!term) {
        at++;
        continue;
      }
      if (term.kind !== 'blocker' && !seen.has(term.key)) {
        seen.add(term.key);
        spans.push({ start: at, end: at + term.text.length, wrap: (v) => linkNode(term, v) });
      }
      at += term.text.length;
    }
    if (spans.length > 0) i += splitText(node, i, spans) - 1;
  }
}

export function remarkCrosslinks(options: CrosslinkOptions = {}) {
  let terms: Map<string, Term[]> | undefined;
  return (root: unknown): void => {
    const tree = root as MdNode;
    if (!terms) {
      const lexicon = options.lexicon ?? loadLexicon();
      const facts = options.facts ?? readCorpusFacts(undefined, lexicon.gazetteerExtra);
      terms = buildTerms(lexicon, facts, options.root);
    }
    linkTexts(tree, terms, new Set());
  };
}
