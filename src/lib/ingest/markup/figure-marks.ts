/**
 * Markup step (remark-style plugin): wraps each extracted figure of a
 * document in `<mark>` inside the paragraph it is cited from
 * (`<Para id="p-N">`), so a reader sees in the text what the tables list. It
 * reads the targets from the frontmatter; a figure it cannot find verbatim (a
 * number written in words) stays unmarked and is still listed in the table.
 */
import { formatNumber, kindLabels } from '../../labels.ts';
import { escapeRegExp } from '../../regexp.ts';
import { frontmatterOf, jsxAttribute, splitText, type MdFile, type MdNode } from './mdast-lite.ts';

/** The MDX element of a marked figure, and the only attributes it carries. */
export { MARK_ATTRIBUTES, MARK_ELEMENT } from '../../mdx/syntax.ts';
import { MARK_ELEMENT } from '../../mdx/syntax.ts';

export interface FigureTarget {
  indicator: string;
  label: string;
  kind: keyof typeof kindLabels;
  value: number;
  valueMax?: number;
  unit: string;
  quote: string;
  paragraph: string;
}

function isFigureTarget(x: unknown): x is FigureTarget {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  return (
    typeof t.paragraph === 'string' &&
    typeof t.quote === 'string' &&
    typeof t.value === 'number' &&
    typeof t.unit === 'string' &&
    typeof t.label === 'string' &&
    typeof t.kind === 'string' &&
    t.kind in kindLabels
  );
}


/** The ways a number can be written in the cleaned text: `1048`, `1,048`, `1，048`, `304.10`. */
function numberPattern(value: number): string {
  const plain = formatNumber(value);
  const [int = '', frac] = plain.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '[,，]');
  // Trailing zeros are the same number: 304.10 is 304.1, 95.0 is 95.
  const decimals = frac ? `\\.${frac}0*` : '(?:\\.0+)?';
  return `(?:${[...new Set([int, grouped])].join('|')})${decimals}`;
}

/** Other ways the text writes a unit (units.yaml `variants`): 827名 is 827 人, 189所 is 189 个. */
export type UnitVariants = Readonly<Record<string, readonly string[]>>;

/** Pattern of the figure: number, optional range end, optional unit right after it. */
export function figurePattern(t: FigureTarget, variants: UnitVariants = {}): RegExp {
  const range = t.valueMax !== undefined ? `(?:\\s*[-–—~～至到]\\s*${numberPattern(t.valueMax)})?` : '';
  const units = t.unit ? [t.unit, ...(variants[t.unit] ?? [])].map(escapeRegExp) : [];
  const unit = units.length ? `(?:${units.join('|')})?` : '';
  return new RegExp(`(?<![\\d.])${numberPattern(t.value)}(?![\\d]|\\.\\d)${range}${unit}`, 'gu');
}

interface TextRef {
  parent: MdNode;
  node: MdNode;
  start: number;
}

/** Text nodes of a paragraph in reading order, with their offset in the concatenated text. */
function collectTexts(node: MdNode, out: TextRef[], acc: { length: number }): void {
  for (const child of node.children ?? []) {
    if (child.type === 'text' && child.value !== undefined) {
      out.push({ parent: node, node: child, start: acc.length });
      acc.length += child.value.length;
    } else if (child.type !== 'link' && child.type !== 'inlineCode' && child.type !== 'code') {
      collectTexts(child, out, acc);
    }
  }
}

interface Span {
  start: number;
  end: number;
  title: string;
  kind: string;
}

function markParagraph(para: MdNode, targets: FigureTarget[], variants: UnitVariants): void {
  const texts: TextRef[] = [];
  collectTexts(para, texts, { length: 0 });
  const full = texts.map((t) => t.node.value ?? '').join('');
  const spans: Span[] = [];
  const seen = new Map<string, Span>();
  for (const t of targets) {
    const title = `${kindLabels[t.kind]}：${t.label}`;
    const key = `${t.indicator}\u0000${t.quote}\u0000${t.value}\u0000${t.unit}`;
    const known = seen.get(key);
    if (known) {
      // The same figure listed twice (e.g. once per scope): one mark.
      if (!known.title.includes(title)) known.title += `；${title}`;
      continue;
    }
    const quoteAt = full.indexOf(t.quote);
    const [from, to] = quoteAt >= 0 ? [quoteAt, quoteAt + t.quote.length] : [0, full.length];
    const re = figurePattern(t, variants);
    re.lastIndex = from;
    let shared: Span | undefined;
    let placed = false;
    for (let m = re.exec(full); m && m.index < to; m = re.exec(full)) {
      const start = m.index;
      const end = start + m[0].length;
      const overlap = spans.find((s) => start < s.end && s.start < end);
      if (overlap) {
        shared ??= overlap;
        continue;
      }
      const span = { start, end, title, kind: t.kind };
      spans.push(span);
      seen.set(key, span);
      placed = true;
      break;
    }
    // Two indicators read from one figure: it carries both titles.
    if (!placed && shared) {
      if (!shared.title.includes(title)) shared.title += `；${title}`;
      seen.set(key, shared);
    }
  }
  // Apply the spans text node by text node, from the last node back so offsets stay valid.
  for (const ref of [...texts].reverse()) {
    const length = ref.node.value?.length ?? 0;
    const inside = spans.filter((s) => s.start >= ref.start && s.end <= ref.start + length);
    if (inside.length === 0) continue;
    const index = ref.parent.children?.indexOf(ref.node) ?? -1;
    if (index < 0) continue;
    splitText(
      ref.parent,
      index,
      inside.map((s) => ({
        start: s.start - ref.start,
        end: s.end - ref.start,
        wrap: (value: string): MdNode => ({
          type: 'mdxJsxTextElement',
          name: MARK_ELEMENT,
          attributes: [
            { type: 'mdxJsxAttribute', name: 'class', value: `fig-${s.kind}` },
            { type: 'mdxJsxAttribute', name: 'title', value: s.title },
          ],
          children: [{ type: 'text', value }],
        }),
      })),
    );
  }
}

function visitParas(node: MdNode, byParagraph: Map<string, FigureTarget[]>, variants: UnitVariants): void {
  for (const child of node.children ?? []) {
    if (child.type === 'mdxJsxFlowElement' && child.name === 'Para') {
      const id = jsxAttribute(child, 'id');
      const targets = id ? byParagraph.get(id) : undefined;
      if (targets) markParagraph(child, targets, variants);
    } else {
      visitParas(child, byParagraph, variants);
    }
  }
}

/** @param options.variants other ways the text writes a unit (the lexicon's units.yaml). */
export function remarkFigureMarks(options: { variants?: UnitVariants } = {}) {
  const variants = options.variants ?? {};
  return (root: unknown, file: MdFile): void => {
    const tree = root as MdNode;
    const targets = frontmatterOf(file).targets;
    if (!Array.isArray(targets)) return;
    const byParagraph = new Map<string, FigureTarget[]>();
    for (const raw of targets) {
      if (!isFigureTarget(raw)) continue;
      // A figure a curator corrected is marked where the text writes it: the number as the machine read it.
      const was = (raw as { review?: { was?: { value: number; valueMax?: number; unit: string } } }).review?.was;
      const t: FigureTarget = was ? { ...raw, value: was.value, unit: was.unit, ...(was.valueMax !== undefined ? { valueMax: was.valueMax } : {}) } : raw;
      if (was && was.valueMax === undefined) delete t.valueMax;
      const list = byParagraph.get(t.paragraph);
      if (list) list.push(t);
      else byParagraph.set(t.paragraph, [t]);
    }
    visitParas(tree, byParagraph, variants);
  };
}
