/**
 * The zod schemas of the lexicon files (content/lexicon/*), one per file,
 * reusing the document schema's enums so that a lexicon can only name what a
 * document can carry. Loaded by src/lib/lexicon.ts; a bad entry fails with the
 * file name and the offending path.
 */
import { z } from 'astro/zod';
import { docTypes, regionLevels } from './document.ts';

export const boilerplateSchema = z.object({
  rules: z.array(
    z.object({
      /** Stable rule id, reported with each removed line. */
      id: z.string(),
      description: z.string().optional(),
      /** Regular expression (unicode mode) tested against the trimmed, Simplified line. */
      pattern: z.string(),
      /** Starts a site footer: the rest of the file's short lines go too. */
      tail: z.boolean().default(false),
      /** Starts a trailing block of other pages' links (相关新闻, 新闻推荐) once the text has begun: like `tail`, but only after a sentence of the body, so a sidebar above the article keeps the article. */
      tailAfterText: z.boolean().default(false),
      /** Lines longer than this are body text, never boilerplate. */
      maxLength: z.number().int().default(160),
      /** The line marks a page break: unpaginate rejoins the text that a page boundary cut. */
      pageBreak: z.boolean().default(false),
      /** The line stands where the site cut the text (a read-more link, a paywall notice): the page marks the place. */
      gap: z.boolean().default(false),
    }),
  ),
  /** Regular expressions whose first group names the site, tried on removed lines. */
  sitePatterns: z.array(z.string()).default([]),
  /** A site's menu: this many short lines in a row, each at most maxChars, none ending in a `keep` word (co-signing organs). */
  menu: z.object({ minLines: z.number().int().min(2), maxChars: z.number().int().positive(), keep: z.array(z.string()) }),
  /** Chrome inside a line (pinyin glosses, empty image markup): each match is removed, and kept as a repair. */
  inline: z.array(z.object({ id: z.string(), description: z.string().optional(), pattern: z.string() })).default([]),
});

/** A division's level: the document schema's own enum. */
export const divisionLevel = z.enum(regionLevels);

export const gazetteerSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    level: divisionLevel,
    prefecture: z.string().nullable(),
    province: z.string(),
  }),
);

export const gazetteerExtraSchema = z.object({
  historical: z.array(
    z.object({
      name: z.string(),
      current: z.string(),
      level: divisionLevel,
      prefecture: z.string().nullable(),
      province: z.string(),
      until: z.number().int().optional(),
    }),
  ),
  docCodes: z.array(z.object({ prefix: z.string(), region: z.string() })),
  stopNames: z.array(z.string()).default([]),
  /** Endings of an issuing body's name in a signature line (卫生局, 领导小组办公室). */
  issuers: z.array(z.string()).default([]),
  /** Endings a province's name drops in running text (河北省 → 河北). */
  provinceSuffixes: z.array(z.string()).min(1),
  /** Ethnic group names, which autonomous divisions drop in their short forms (海南藏族自治州 → 海南州). */
  ethnicGroups: z.array(z.string().min(2)).default([]),
  /** Short names of divisions beyond the generated ones (科左中旗 → 科尔沁左翼中旗). */
  shortNames: z.array(z.object({ short: z.string().min(2), name: z.string().min(2) })).default([]),
  /** How a county's own text speaks of it (我县, 全县): with one county-level place named, that county. */
  countySelf: z.array(z.string()).default([]),
  /** Campaign words after which a stem names its place anywhere in a formal text (健康自贡). */
  stemCues: z.array(z.string()).default([]),
  /** How a place's own news outlet is named after it (五华发布, 尤溪融媒, 中国义乌): a 来源 so named gives the place. */
  media: z.object({ leads: z.array(z.string()).default([]), endings: z.array(z.string()).default([]) }).default({ leads: [], endings: [] }),
  /** Stems that are ordinary words: never read as a place without their 市 or 县. */
  stopStems: z.array(z.string()).default([]),
  /** Words that a name's last character begins in running text (龙城市民云 is 龙城 + 市民, no 龙城市): there the name is not. */
  wordsAcrossEnd: z.array(z.string().min(2)).default([]),
  /** Conjunctions a two-character name opens with (和县): after another word (卫健局和县人民医院) the name is not there. */
  conjunctionHeads: z.array(z.string().length(1)).default([]),
  /** Marks that stand for a place name a site blanked out (xx县, 某县, **县). */
  anonymisedMarks: z.array(z.string()).min(1),
});

export const repairsSchema = z.object({
  /** Spun phrases so unlikely in real text that one of them marks a document as spun. */
  signatures: z.array(z.string()),
  /** How many distinct signatures must occur before any repair is applied. */
  minSignatures: z.number().int().min(1).default(2),
  repairs: z.array(z.object({ from: z.string(), to: z.string(), note: z.string().optional() })),
});

export const docTypesSchema = z.array(
  z.object({
    /** The type: the document schema's own enum. */
    type: z.enum(docTypes),
    /** The word of the type in a document's slug (xixian-2011-summary). */
    slug: z.string().regex(/^[a-z]+$/),
    /** A plan states goals: its figures are targets and its practices planned unless a cue says otherwise. */
    plan: z.boolean().default(false),
    /** Title endings (Simplified) that give this type, most specific first. */
    titleSuffixes: z.array(z.string()),
  }),
);

export const topicsSchema = z.array(
  z.object({ id: z.string(), label: z.string(), keywords: z.array(z.string()), description: z.string().optional() }),
);

export const indicatorsSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: z.string(),
    topic: z.string(),
    unit: z.string(),
    patterns: z.array(z.string()).min(1),
    description: z.string().optional(),
    /**
     * The range a level of this indicator can plausibly take, in its `unit` (money converted by the
     * scales of units.yaml): a figure outside it is flagged, not compared. Without it, a share (%)
     * is plausible within 0–100 and a rate in ‰ within 0–1000.
     */
    plausible: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
    /** Longer phrases that hold a pattern but name something else (编制床位 holds 编制 and is no staffing quota): a match inside one does not count. */
    excludes: z.array(z.string()).optional(),
    /** The indicator of the same count per 1,000 or 10,000 people: taken instead when the clause gives such a base (每万城乡居民拥有全科医生数). */
    perPopulation: z.object({ thousand: z.string().optional(), tenThousand: z.string().optional() }).optional(),
  }),
);

export const practicesSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: z.string(),
    topic: z.string(),
    patterns: z.array(z.string()).min(1),
    description: z.string().optional(),
  }),
);

export const glossarySchema = z.array(
  z.object({ id: z.string().regex(/^[a-z0-9-]+$/), term: z.string(), aliases: z.array(z.string()).default([]), definition: z.string() }),
);

export const extractionSchema = z.object({
  /** Words that make a number a lower bound, an upper bound or an approximation. */
  comparators: z.record(z.enum(['≥', '≤', '≈']), z.array(z.string())),
  targetCues: z.array(z.string()),
  /** Words that hold a cue but are not one (要求 for 要): a cue inside them does not count. */
  cueBlockers: z.array(z.string().min(2)).default([]),
  achievedCues: z.array(z.string()),
  baselineCues: z.array(z.string()),
  /** Words that end the time before a reform a baseline cue opened (改革前…为47%，改革后…为42%). */
  baselineEnds: z.array(z.string()).default([]),
  changeFrom: z.array(z.string()),
  changeTo: z.array(z.string()),
  plannedCues: z.array(z.string()),
  adoptedCues: z.array(z.string()),
  scopes: z.array(z.string()),
  /** Head nouns that give a clause its own subject. */
  subjectHeads: z.array(z.string()),
  /** Predicates that, opening a clause, continue the subject of the clause before. */
  continuePredicates: z.array(z.string()),
  /** Words that describe where things stand (辖, 现有, 面积, 总人口): in a plan, a figure in such a clause with no target cue is achieved. */
  stateCues: z.array(z.string().min(1)).default([]),
  /** Words right before a number that bound it (不低于90% is ≥, 不高于30% is ≤); the longest word that ends the text before the number wins. */
  boundsBefore: z.record(z.enum(['≥', '≤', '≈']), z.array(z.string())),
  /** Words that end in a bounding word but are none (签约 ends in 约, 最近 in 近): before a number they bound nothing. */
  boundBlockers: z.array(z.string().min(2)).default([]),
  /**
   * Bounding words that bound the first number after them in their clause even with words
   * between (至少能够识别和初步诊治100种, 不超过总床位数的10%), within `reach` characters
   * and with no other number between.
   */
  clauseBounds: z.object({ reach: z.number().int().min(1), words: z.record(z.enum(['≥', '≤']), z.array(z.string())) }).default({ reach: 0, words: { '≥': [], '≤': [] } }),
  /** A deadline (到2020年, 至2025年底) makes the figures after it goals; not after the words of notAfter (达到2…, 截至2016年). */
  deadline: z.object({ markers: z.array(z.string()).min(1), notAfter: z.array(z.string()) }),
  /** Verbs right before a figure that make it a movement (下降了21%), not a level. */
  deltaVerbs: z.array(z.string()).min(1),
  /** Words that say a figure is per person or per institution (else a total). */
  basis: z.object({ person: z.array(z.string().min(1)), institution: z.array(z.string().min(1)) }).default({ person: [], institution: [] }),
  /** Words that say a figure covers a year or a month. */
  period: z.object({ year: z.array(z.string().min(1)), month: z.array(z.string().min(1)) }).default({ year: [], month: [] }),
  /** Open extraction: how a figure the lexicon has no indicator for gets its metric phrase. */
  metric: z
    .object({
      /** Units that count things: the noun after them is what they count. */
      measureWords: z.array(z.string().min(1)),
      /** Verbs and links that end a subject, or the noun after a measure word. */
      predicates: z.array(z.string().min(1)),
      /** Openings of a subject that are no part of its name (全县, 其中). */
      openings: z.array(z.string().min(1)),
      /** Particles that may end the text before a figure. */
      particles: z.array(z.string().min(1)),
      /** Words a unit begins (人口 for 人): after a number the unit is none there. */
      unitCompounds: z.array(z.string().min(2)).default([]),
      /** What makes a predicate right before it part of a noun (覆盖率, 签约人数, 补助标准): there it ends no subject. */
      nounEnds: z.array(z.string().min(1)).default([]),
      /** Verbs that spend money (拨付, 投入): a sum right after one, with no subject before it, is that verb's funds (拨付资金). */
      spendingVerbs: z.array(z.string().min(1)).default([]),
      /** Words that say how, not what (按, 按照, 根据): a subject before one is the figure's (补助按地区类别增加 → 补助), not the phrase after it. */
      mannerWords: z.array(z.string().min(1)).default([]),
      /** Divisions named by one character (县, 乡, 镇): after a measure word, the noun it counts (辖12个县). */
      divisionNouns: z.array(z.string().min(1)).default([]),
      /** Nouns a metric may end in though they end in a trailing word (增幅, 降幅, 占比): a metric ending in one keeps it (平均降幅). */
      keptEnds: z.array(z.string().min(1)).default([]),
      /** Units of a duration (个月, 天, 小时): before 的 and a noun, the figure measures that noun (1个月以上的临床进修学习). */
      durationUnits: z.array(z.string().min(1)).default([]),
      /** Words that open a clause with its comparison's base (较上年同期, 同比): the clause moves what the clause before measured. */
      comparisonLeads: z.array(z.string().min(1)).default([]),
      /** Activities whose people a count right after them, with no subject, is (培训120人 → 培训人数). */
      activityVerbs: z.array(z.string().min(1)).default([]),
      /** Adverbs that may stand between a counted noun and its predicate (基本, 均, 都): 1所县级医院基本达到… counts 县级医院. */
      adverbs: z.array(z.string().min(1)).default([]),
    })
    .default({ measureWords: [], predicates: [], openings: [], particles: [], unitCompounds: [], nounEnds: [], spendingVerbs: [], mannerWords: [], divisionNouns: [], keptEnds: [], durationUnits: [], comparisonLeads: [], activityVerbs: [], adverbs: [] }),
  /** Movement verbs that move down: their figure is a negative change. */
  fallingVerbs: z.array(z.string()).default([]),
  /** Verbs that do away with a level (取消): the figure after them is a baseline. */
  removalVerbs: z.array(z.string()).default([]),
  /** Words of approximation allowed between such a verb and its figure (提高约5个百分点). */
  approximately: z.array(z.string()),
  /** Words after which further figures break a total down (其中, 分别为). */
  breakdowns: z.array(z.string()).min(1),
  /** A list item naming a rate of its own (基层首诊率60%): no indicator named elsewhere is its. */
  ownMetric: z.object({ heads: z.array(z.string()), marks: z.array(z.string()), enumeration: z.string() }).default({ heads: [], marks: [], enumeration: '、' }),
  /** Words after which a clause's figures go one to one with the indicators named before them (A和B分别为x和y). */
  respectively: z.array(z.string()).default([]),
  /** Words that say a figure is per 1,000 or per 10,000 people (每千人口, 每万名居民). */
  densityBases: z.object({ perThousand: z.array(z.string()).min(1), perTenThousand: z.array(z.string()).min(1) }),
});

export const anachronismsSchema = z.array(
  z.object({
    /** A term whose use dates a text. */
    term: z.string(),
    /** First year the term can appear in a real document. */
    since: z.number().int().optional(),
    /** Last year the term was current. */
    until: z.number().int().optional(),
    note: z.string(),
  }),
);


/** The families figures compare within. */
export const unitFamilies = ['percent', 'points', 'money', 'people', 'count', 'density', 'days', 'area', 'times', 'rank', 'other'] as const;

export const unitsSchema = z.object({
  /** Units read after a number (the longest wins where two start alike). */
  recognised: z.array(z.string().min(1)).min(1),
  /** Units recorded as another (名 → 人, ％ → %). */
  aliases: z.record(z.string(), z.string()),
  /** Other ways the text writes a recorded unit (人: 名), for finding a figure in its sentence. */
  variants: z.record(z.string(), z.array(z.string())),
  /** Units by family; money units may carry a base after a slash (元/人). */
  families: z.partialRecord(z.enum(unitFamilies), z.array(z.string())),
  /** Unit endings that make a density (人/千人). */
  densityEndings: z.array(z.string()).min(1),
  /** How many of a family's base unit one unit is (万元: 10000 元), to put 元, 万元 and 亿元 on one scale. */
  scales: z.record(z.string(), z.number().positive()).default({}),
  /** Nouns after which a number with no unit has the unit they imply (出生人数7588 → 人, 期望寿命80.48 → 岁). */
  impliedUnits: z.record(z.string().min(2), z.string().min(1)).default({}),
});

export const structureSchema = z.object({
  /** A transmittal notice, 关于印发《X》的通知: its lead word, the verbs that transmit, its ending. */
  transmittal: z.object({
    /** The word that opens the matter of the title (关于). */
    lead: z.string().min(1),
    /** Verbs that hand a document over (印发, 转发): 关于印发X的通知, 印发《X》的通知. */
    verbs: z.array(z.string()).min(1),
    /** Verbs that carry a document only when it is quoted (征求: 关于征求《X》意见的通知). */
    quotedVerbs: z.array(z.string()).default([]),
    /** The notice's ending (的通知); a file holding only the notice is of its type. */
    end: z.string().min(1),
    /** Other endings of a text that carries a document the same way (一个征求意见的公告: 的公告). */
    otherEnds: z.array(z.string()).default([]),
    /** Words between the quoted title and the ending, not part of the title (》意见的公告). */
    afterTitle: z.array(z.string()).default([]),
  }),
  /** A numeral in the markers (a regular-expression class). */
  numeral: z.string().min(1),
  /** How collections number their documents: regular expressions, `{n}` for a numeral. */
  collectionMarkers: z.array(z.string().min(1)).min(1),
  /** What opens a heading or list item at the start of a line: regular expressions. */
  ordinals: z.array(z.string().min(1)).min(1),
  /** The years a document can be dated to; others are numbers, not years. */
  documentYears: z.object({ from: z.number().int(), to: z.number().int() }),
  /** What follows a 年 whose digits a site removed (年度, 年底). */
  blankedYearBefore: z.array(z.string().min(1)).min(1),
  /** What stands where a site replaced a year (XX年). */
  yearPlaceholders: z.array(z.string().min(1)).min(1),
  /** Heading markers and the depth each gives (regular expressions). */
  headings: z.array(z.object({ depth: z.union([z.literal(2), z.literal(3), z.literal(4)]), pattern: z.string().min(1) })).min(1),
  /** Markers that start a heading or list item inside run-together text (regular expressions). */
  inlineBreaks: z.array(z.string().min(1)).min(1),
  /** Words sites glue to a title: SEO words after it, "first published" and the like before it. */
  titleNoise: z.object({
    suffixes: z.array(z.string().min(1)),
    prefixes: z.array(z.string().min(1)),
    /** Longest leading tag (【关注】) removed. */
    tagChars: z.number().int().min(0),
    /** Separators before a site's name at the end of a page title. */
    separators: z.array(z.string().min(1)),
    /** Longest site name removed after a separator. */
    siteChars: z.number().int().min(0),
    /** Separators that may be a title's own (a dash: 2021-2025) and so cut off only a tail ending in one of `siteEndings`. */
    weakSeparators: z.array(z.string().min(1)).default([]),
    /** How a site's name ends (新华网内蒙古频道, 某某日报), after a weak separator. */
    siteEndings: z.array(z.string().min(1)).default([]),
    /** How a breadcrumb's last crumb that names a section (正文, 详情, 公文范文), not the page, ends: such a crumb is no title. */
    sectionCrumbs: z.array(z.string().min(1)).default([]),
  }),
  /** Leftovers of a source's layout inside a line of the body (the residue stage). */
  residue: z.object({
    /** Marks that close a list item; a number glued after one, before a word, lost its marker. */
    listEnds: z.array(z.string().length(1)).min(1),
    /** What may follow a number that is not a list number (besides the units' first characters). */
    counters: z.array(z.string().length(1)),
    /** A line with one of these is prose: a space between two Han characters in it is a wrap. */
    proseMarks: z.array(z.string().length(1)).min(1),
  }),
});

export const termLinksSchema = z.object({
  /** Words that contain a linkable term but mean something else: matched only to be skipped. */
  blockers: z.array(z.string().min(2)),
  /** Glossary words never linked: ordinary words too, or different things in different years. */
  ambiguous: z.array(z.string()),
});
export type TermLinkRules = z.infer<typeof termLinksSchema>;

/** What a frame field gives the document (gongwen.yaml). */
export const frameRoles = ['issuer', 'docNumber', 'issued', 'published', 'effective', 'title', 'none'] as const;

export const gongwenSchema = z.object({
  /** A 公文 run into one line (a PDF's text on a document-sharing page): how long such a line is, how many kinds of element boundary it holds, and the boundaries (regular expressions; group 1, else the match, is the element whose end is a line's end). */
  flattened: z
    .object({
      minChars: z.number().int().positive(),
      minBoundaries: z.number().int().min(1),
      boundaries: z.array(z.string().min(1)),
      /** A news page's headline, date and text run into one line (groups 1–3: headline, date, text). */
      stampedHeadline: z.string().min(1).optional(),
    })
    .default({ minChars: 300, minBoundaries: 3, boundaries: [] }),
  /** Labelled fields of the 公文 frame, portal catalogues and news bylines. */
  fields: z.array(
    z.object({
      /** Field id, kept in a document's `record`. */
      field: z.string().regex(/^[a-zA-Z]+$/),
      /** What the value gives the document. */
      role: z.enum(frameRoles),
      /** Labels as written (Simplified, without spaces). */
      labels: z.array(z.string().min(1)).min(1),
    }),
  ),
  /** Labels that make a catalogue row even when only a space follows them. */
  spacedLabels: z.array(z.string().min(1)),
  /** Labels read only in a row with another field. */
  rowOnlyLabels: z.array(z.string().min(1)).default([]),
  /** In a row with a known field, a cell this short ending in a colon is a label too. */
  unknownLabelChars: z.number().int().positive(),
  /** Longest value of a field on a line of its own. */
  maxValueChars: z.number().int().positive(),
  /** Unlabelled frame lines (masthead, 发文字号, 印发, 公开属性, 附件): regular expressions, group 1 the value. */
  lines: z.array(z.object({ field: z.string().regex(/^[a-zA-Z]+$/), role: z.enum(frameRoles), pattern: z.string().min(1) })),
  /** 主送机关: its openings and organ words, and its longest line. */
  addressee: z.object({ openings: z.array(z.string().min(1)), organs: z.array(z.string().min(1)), maxChars: z.number().int().positive() }),
  /** Endings of an issuing organ's name on a signature line. */
  issuerEndings: z.array(z.string().min(1)).min(1),
  /** A news report's datelines and bylines (regular expressions) and how many opening lines hold them. */
  news: z.object({
    datelines: z.array(z.string().min(1)).min(1),
    openingLines: z.number().int().positive(),
    /** Words of reporting (据了解, 记者从…获悉): one in the opening makes a text without a type word news. */
    reporting: z.array(z.string().min(1)).default([]),
    /** A reported event in the opening (6月8日下午，我县召开…): regular expressions, for a text without a type word. */
    ledes: z.array(z.string().min(1)).default([]),
    /** Endings of a title that names a form, not an event (…自评表, …简介, …名单): a place before it makes no headline. */
    formNouns: z.array(z.string().min(1)).default([]),
    /** What a 来源 says when it names no source (本站, 网络, 原创): no news report's issuer. */
    genericSources: z.array(z.string().min(1)).default([]),
  }),
  /** Verbs of a news headline (某县召开…): such a title is news even when it ends in a type's word. */
  headlineVerbs: z.array(z.string().min(1)).default([]),
  /** Verbs of a headline (某县深入推进…, 某院开通…) that make news only a title without a type's word (…推进…实施方案 is a plan). */
  untypedHeadlineVerbs: z.array(z.string().min(1)).default([]),
  /** A speech: title words, and lines addressing an audience (regular expressions). */
  speech: z.object({ titleWords: z.array(z.string().min(1)), address: z.array(z.string().min(1)), greetings: z.array(z.string().min(1)).default([]) }),
  /** A review of a past period: its cue words, how many make one, and how much of the opening is read. */
  review: z.object({ cues: z.array(z.string().min(1)), minCues: z.number().int().positive(), openingChars: z.number().int().positive() }),
  /** Research and commentary: title words and opening lines (regular expressions). */
  research: z.object({ titleWords: z.array(z.string().min(1)), openings: z.array(z.string().min(1)) }),
  /** An answer to deputies' suggestions or members' proposals, known by its opening (regular expressions): it is of type 其他. */
  answer: z.object({ openings: z.array(z.string().min(1)) }).default({ openings: [] }),
});

/** How a saved web page is read (html.yaml). */
export const htmlSchema = z.object({
  /** Elements dropped with their content: they never hold document text. */
  drop: z.array(z.string().regex(/^[a-z0-9]+$/)),
  /** CSS selectors of site chrome (menus, breadcrumbs, share rows, footers): left out and reported. */
  chrome: z.array(z.string().min(1)),
  /** CSS selectors of the article containers of common portal CMSs, tried before text density. */
  content: z.array(z.string().min(1)),
  /** Han characters a paragraph needs to count towards its container's text. */
  minParagraphHan: z.number().int().positive(),
  /** Share of the container's text a parent may add and still be taken (title, date line). */
  growShare: z.number().min(0).max(1),
  /** Han characters a parent may always add, whatever the share (a short text's title and date line). */
  growMinHan: z.number().int().min(0),
  /** Han characters outside links a parent may add at most. */
  growMaxHan: z.number().int().min(0),
  /** Han characters inside links a parent may add at most (related-article lists). */
  growMaxLinkHan: z.number().int().min(0),
  /** Share of link text that makes a line of two links or more a menu or link list. */
  linkListShare: z.number().min(0).max(1),
});
export type HtmlRules = z.infer<typeof htmlSchema>;
