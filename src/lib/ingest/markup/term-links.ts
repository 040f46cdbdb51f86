/**
 * Markup step (remark-style plugin): links what a document's text mentions
 * to the site's pages: its own region's names, the indicators it states
 * figures for, and glossary terms. Each of those pages exists because of the
 * document itself or the lexicon, so the links depend on nothing but the
 * document and the lexicon, and ingest can write them into the MDX once.
 * Rules:
 *
 * - first mention per section only (a section is the text between two
 *   top-level headings, h2: subsections of a plan are often a paragraph
 *   long, and a link in each would crowd the page), never inside a
 *   heading, a link, code or a marked figure;
 * - the longest match at a position wins, across all three kinds, so
 *   新农合参合率 links the indicator, not 新农合; at equal length an
 *   indicator beats a glossary term, which beats a region;
 * - a glossary term inside a longer word is not linked: a few "blocker"
 *   words (农村医…, 村医疗 … which contain 村医) consume their span;
 * - one-character terms and ambiguous ones (编制 also means "to draw up")
 *   are never linked. Blockers and ambiguous words: content/lexicon/term-links.yaml.
 *
 * Links start with `root`, by default `../../`: relative to a document page
 * (`/documents/<slug>/`), which holds under any base path.
 */
import type { Lexicon } from '../../lexicon.ts';
import type { MdFile, MdNode } from './mdast-lite.ts';
import { frontmatterOf, splitText } from './mdast-lite.ts';

type Kind = 'indicator' | 'glossary' | 'region' | 'blocker';

interface Term {
  text: string;
  kind: Kind;
  /** Link target, relative to a document page; '' for a blocker. */
  url: string;
  /** What the link stands for, for "first mention" bookkeeping. */
  key: string;
}

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

/** The lexicon the links are drawn from. */
export type LinkLexicon = Pick<Lexicon, 'indicators' | 'glossary' | 'gazetteerExtra' | 'termLinks'>;

/** What one document may link to besides the glossary. */
export interface LinkTargets {
  /** Ids of the indicators the document states figures for (their pages list them). */
  indicators: Set<string>;
  /** The document's region: its names (today's and former) → region slug. */
  regionNames: Map<string, string>;
}

export interface TermLinkOptions {
  lexicon: LinkLexicon;
  /** What the document may link to; by default read from its frontmatter (linkTargetsOf). */
  targets?: LinkTargets;
  /** The path from a document page to the site's root (default `../../`). */
  root?: string;
}

/** A document's own link targets: the indicators of its figures, its region under each of its names. */
export function linkTargetsOf(frontmatter: Record<string, unknown>, lexicon: Pick<Lexicon, 'gazetteerExtra'>): LinkTargets {
  const indicators = new Set<string>();
  for (const t of Array.isArray(frontmatter.targets) ? frontmatter.targets : []) {
    const id = (t as { indicator?: unknown } | null)?.indicator;
    if (typeof id === 'string') indicators.add(id);
  }
  const regionNames = new Map<string, string>();
  const region = frontmatter.region as { name?: unknown; slug?: unknown } | null | undefined;
  if (typeof region?.name === 'string' && typeof region.slug === 'string') {
    regionNames.set(region.name, region.slug);
    // A former name (藁城市) and today's name (藁城区) lead to the same page.
    for (const h of lexicon.gazetteerExtra.historical) {
      if (h.name === region.name || h.current === region.name) {
        if (!regionNames.has(h.name)) regionNames.set(h.name, region.slug);
        if (!regionNames.has(h.current)) regionNames.set(h.current, region.slug);
      }
    }
  }
  return { indicators, regionNames };
}

/** The terms a lexicon gives every document (all indicators, the glossary, the blockers); built once per lexicon. */
const lexiconTerms = new WeakMap<object, Map<string, Term[]>>();

function termsOfLexicon(lexicon: LinkLexicon, root: string): Term[] {
  const byRoot = lexiconTerms.get(lexicon) ?? new Map<string, Term[]>();
  lexiconTerms.set(lexicon, byRoot);
  const known = byRoot.get(root);
  if (known) return known;
  const terms: Term[] = [];
  for (const ind of lexicon.indicators) {
    for (const text of new Set([ind.label, ...ind.patterns].filter(isLinkablePattern))) {
      terms.push({ text, kind: 'indicator', url: `${root}indicators/${ind.id}/`, key: `i:${ind.id}` });
    }
  }
  const ambiguous = new Set(lexicon.termLinks.ambiguous);
  // A glossary word claimed by two entries is ambiguous too.
  const owners = new Map<string, Set<string>>();
  for (const g of lexicon.glossary) {
    for (const w of [g.term, ...g.aliases]) owners.set(w, (owners.get(w) ?? new Set()).add(g.id));
  }
  for (const g of lexicon.glossary) {
    for (const text of new Set([g.term, ...g.aliases])) {
      if ([...text].length < 2 || ambiguous.has(text) || (owners.get(text)?.size ?? 0) > 1) continue;
      terms.push({ text, kind: 'glossary', url: `${root}glossary/#${g.id}`, key: `g:${g.id}` });
    }
  }
  for (const text of lexicon.termLinks.blockers) terms.push({ text, kind: 'blocker', url: '', key: '' });
  byRoot.set(root, terms);
  return terms;
}

/** A document's terms, grouped by first character, longest (then highest ranked) first. */
export function buildTerms(lexicon: LinkLexicon, targets: LinkTargets, root = '../../'): Map<string, Term[]> {
  const terms = termsOfLexicon(lexicon, root).filter((t) => t.kind !== 'indicator' || targets.indicators.has(t.key.slice(2)));
  for (const [name, slug] of targets.regionNames) {
    if ([...name].length < 2) continue;
    terms.push({ text: name, kind: 'region', url: `${root}regions/${slug}/`, key: `r:${slug}` });
  }

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
      // A new top-level section starts: every term may be linked once more.
      if ((child.depth ?? 2) <= 2) seen.clear();
      continue;
    }
    // A marked figure (an mdxJsxTextElement, see figure-marks.ts) keeps its text as it is.
    if (SKIP.has(child.type)) continue;
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

export function remarkTermLinks(options: TermLinkOptions) {
  return (root: unknown, file?: MdFile): void => {
    const targets = options.targets ?? linkTargetsOf(file ? frontmatterOf(file) : {}, options.lexicon);
    linkTexts(root as MdNode, buildTerms(options.lexicon, targets, options.root), new Set());
  };
}
