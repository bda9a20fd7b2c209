/**
 * 错敏词检查 (wording check): finds the office's forbidden words and commonly mistyped phrases in
 * an item's title, summary and body before it is published, since national site inspections fail a
 * site for a single one. The dictionary (up to ~10,000 phrases) is compiled once into an
 * Aho–Corasick automaton, so each field is read once whatever the dictionary's size.
 *
 * Matching is on the text as written, except that ASCII letters and digits are compared the way a
 * reader sees them: full-width forms fold to half-width (Ａ→a, ０→0) and Latin letters ignore case.
 * Every folded character is one UTF-16 unit and stays one, so offsets into the folded text are
 * offsets into the original. Chinese characters and punctuation are matched exactly: （ and ( are
 * different marks in Chinese writing.
 */
// The package's double-array build scans 100 KB against 10,000 phrases about four times faster
// than its default Map trie (8 vs 33 ms here), which alone would miss the 20 ms budget of
// scripts/bench/wording.js. The server's tsconfig resolves modules the Node 10 way, which
// cannot see a package's "exports" subpaths, so the import is typed by hand below; Node, jest,
// the plugin build and the admin's bundler all resolve it.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- unresolvable under moduleResolution "Node" only; an expect-error would fail the admin's check
import { AhoCorasick as DoubleArrayAhoCorasick } from '@monyone/aho-corasick/fast';
import { WORDING_SEVERITIES, type WordingSeverity } from '../constants';
import { issue, type FieldIssue } from './field-issue';

interface Automaton {
  /** Every occurrence of every keyword, overlaps included; begin/end are UTF-16 offsets. */
  matchInText(text: string): { begin: number; end: number; keyword: string }[];
}
const Automaton: new (keywords: string[]) => Automaton = DoubleArrayAhoCorasick;

export type { WordingSeverity };

export interface WordingRule {
  phrase: string;
  severity: WordingSeverity;
  suggestion?: string | null;
  note?: string | null;
}

export interface WordingFinding {
  field: string;
  /** The dictionary's phrase; the text matched is field text [index, index + phrase.length). */
  phrase: string;
  severity: WordingSeverity;
  suggestion: string | null;
  note: string | null;
  /** UTF-16 offset of the match in the field's original text. */
  index: number;
  /** The match with about ten characters either side, whitespace runs shown as one space. */
  excerpt: string;
}

export interface WordingMatcher {
  /** Distinct phrases compiled (after folding and dropping blanks). */
  readonly size: number;
  /** Every occurrence, overlapping ones included, by the fields' order, then offset, longest first. */
  find(fields: Record<string, string | null | undefined>): WordingFinding[];
}

/** Full-width digits and letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) and A–Z. */
const FOLDABLE = /[A-Z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

const foldCharacter = (character: string): string => {
  const code = character.charCodeAt(0);
  return (code >= 0xff00 ? String.fromCharCode(code - FULL_WIDTH_OFFSET) : character).toLowerCase();
};

/** Length-preserving: each replaced character is one UTF-16 unit and so is its replacement. */
export const foldWording = (text: string): string => text.replace(FOLDABLE, foldCharacter);

const STRICTNESS: Record<WordingSeverity, number> = { forbidden: 2, check: 1 };

interface CompiledRule {
  phrase: string;
  severity: WordingSeverity;
  suggestion: string | null;
  note: string | null;
}

/**
 * Phrases are trimmed (dictionaries come from spreadsheets, where stray spaces are accidents) and
 * blank ones skipped. Two phrases that fold to the same text are one rule: the stricter severity
 * wins, and between equals the first listed.
 */
export const compileWordingRules = (rules: readonly WordingRule[]): WordingMatcher => {
  const byKey = new Map<string, CompiledRule>();
  for (const rule of rules) {
    const phrase = typeof rule.phrase === 'string' ? rule.phrase.trim() : '';
    if (phrase === '') continue;
    const key = foldWording(phrase);
    const known = byKey.get(key);
    if (known && STRICTNESS[known.severity] >= STRICTNESS[rule.severity]) continue;
    byKey.set(key, { phrase, severity: rule.severity, suggestion: rule.suggestion ?? null, note: rule.note ?? null });
  }
  const automaton = byKey.size > 0 ? new Automaton([...byKey.keys()]) : null;

  const findIn = (field: string, text: string): WordingFinding[] => {
    if (!automaton) return [];
    return automaton
      .matchInText(foldWording(text))
      .sort((a, b) => a.begin - b.begin || b.end - a.end)
      .map(({ begin, end, keyword }) => {
        const rule = byKey.get(keyword) as CompiledRule;
        return { field, ...rule, index: begin, excerpt: excerptOf(text, begin, end) };
      });
  };

  return {
    size: byKey.size,
    find: (fields) => Object.entries(fields).flatMap(([field, text]) => (text ? findIn(field, text) : [])),
  };
};

const EXCERPT_CONTEXT = 10;

const isLowSurrogate = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Widens the cut rather than split a surrogate pair, so an emoji at the edge is not garbled. */
const excerptOf = (text: string, begin: number, end: number): string => {
  let from = Math.max(0, begin - EXCERPT_CONTEXT);
  let to = Math.min(text.length, end + EXCERPT_CONTEXT);
  if (from > 0 && isLowSurrogate(text, from)) from -= 1;
  if (to < text.length && isLowSurrogate(text, to)) to += 1;
  return text.slice(from, to).replace(/\s+/g, ' ');
};

export const WORDING_RULE_LIMITS = { phrase: 100, suggestion: 100, note: 500 } as const;

const LABELS = { phrase: '词语', suggestion: '建议用语', note: '说明' } as const;

/**
 * What is wrong with one dictionary entry, e.g. a row of an imported list; prefix places the
 * fields, e.g. ['rules', '3'] gives the path ['rules', '3', 'phrase']. Lengths count characters,
 * not UTF-16 units, as the other forms do.
 */
export const wordingRuleIssues = (rule: unknown, prefix: string | string[] = []): FieldIssue[] => {
  const base = Array.isArray(prefix) ? prefix : [prefix];
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return [issue(base, '词语规则应为对象 (a wording rule must be an object with phrase and severity)')];
  }
  const raw = rule as Record<string, unknown>;
  const issues: FieldIssue[] = [];

  const text = (field: keyof typeof LABELS, required: boolean): void => {
    const value = raw[field];
    const label = LABELS[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) issues.push(issue([...base, field], `${label}不能为空 (${field} is required)`));
      return;
    }
    if (typeof value !== 'string') {
      issues.push(issue([...base, field], `${label}应为文字 (${field} must be a string)`));
      return;
    }
    const limit = WORDING_RULE_LIMITS[field];
    if ([...value.trim()].length > limit) issues.push(issue([...base, field], `${label}不能超过${limit}个字 (${field} is longer than ${limit} characters)`));
  };

  text('phrase', true);
  if (!WORDING_SEVERITIES.includes(raw.severity as WordingSeverity)) {
    issues.push(
      issue(
        [...base, 'severity'],
        `级别应为 forbidden（禁用）或 check（核对） (severity must be "forbidden" or "check", not ${JSON.stringify(raw.severity) ?? 'missing'})`
      )
    );
  }
  text('suggestion', false);
  text('note', false);
  return issues;
};

const placeholder = (phrase: string, note: string): WordingRule => ({ phrase, severity: 'forbidden', suggestion: null, note });
const typo = (phrase: string, suggestion: string, note: string): WordingRule => ({ phrase, severity: 'check', suggestion, note });

const TEST_CONTENT = '测试内容，不得发布 (test content, never to be published)';
const IDIOM = '成语错字 (an idiom mistyped)';
const BRACKETS =
  '文号年份应用六角括号〔〕（GB/T 9704—2012）；词典不用正则，故以“括号+年份前两位”近似，文中其他方括号内容也会提示核对 (document numbers put the year in 〔〕)';

/**
 * A starter dictionary for a new site, to be replaced by the office's own list: its forbidden
 * words come from its supervising department, which this code does not presume to know. Here only
 * leftovers that must never be published (test text, template placeholders) are forbidden, and
 * common mistypings of official wording are "check". Each phrase was chosen so that it is never
 * correct inside ordinary text: 贯切 alone is not listed (一贯切实 is right), nor （20 (court case
 * numbers such as （2018）京01民终1号 use round brackets), nor 峻工 alone (严峻工作形势).
 */
export const STARTER_WORDING_RULES: WordingRule[] = [
  placeholder('测试测试', TEST_CONTENT),
  placeholder('测试标题', TEST_CONTENT),
  placeholder('测试文章', TEST_CONTENT),
  placeholder('此处填写', '模板占位文字未替换 (a template placeholder left in)'),
  placeholder('此处输入文字', 'Word 占位提示“单击或点击此处输入文字”未删除 (a Word content-control placeholder)'),
  placeholder('此处添加标题', '演示文稿占位提示“单击此处添加标题”未删除 (a slide placeholder)'),
  placeholder('XX局', '占位机关名称，也匹配 XXX局、ＸＸ局 (a placeholder agency name)'),
  placeholder('lorem ipsum', '排版用拉丁文填充文字 (Latin filler text from a design template)'),
  { phrase: '×××', severity: 'check', suggestion: null, note: '占位符未替换；公开的样表中可保留 (a placeholder, fine in a published sample form)' },
  typo('[20', '〔20', BRACKETS),
  typo('【20', '〔20', BRACKETS),
  typo('［20', '〔20', BRACKETS),
  typo('[19', '〔19', BRACKETS),
  typo('【19', '〔19', BRACKETS),
  typo('［19', '〔19', BRACKETS),
  typo('中华人民共合国', '中华人民共和国', '国名错字 (the country’s name mistyped)'),
  typo('办工室', '办公室', '“公”误作“工” (同音)'),
  typo('办工厅', '办公厅', '“公”误作“工”，如“国务院办工厅”'),
  typo('社会主意', '社会主义', '“义”误作“意” (同音)'),
  typo('贯切落实', '贯彻落实', '“彻”误作“切”'),
  typo('不忘出心', '不忘初心', '“初”误作“出” (同音)'),
  typo('两学一作', '两学一做', '“做”误作“作”'),
  typo('再接再励', '再接再厉', IDIOM),
  typo('一如继往', '一如既往', IDIOM),
  typo('迫不急待', '迫不及待', IDIOM),
  typo('按步就班', '按部就班', IDIOM),
  typo('默守成规', '墨守成规', IDIOM),
  typo('既往不究', '既往不咎', IDIOM),
  typo('变本加利', '变本加厉', IDIOM),
  typo('帐户', '账户', '钱财账目用“账”（《通用规范汉字表》）'),
  typo('帐号', '账号', '钱财账目用“账”（《通用规范汉字表》）'),
  typo('防碍', '妨碍', '“妨”误作“防”'),
  typo('峻工验收', '竣工验收', '“竣”误作“峻”，工程公告常见'),
  typo('蹉商', '磋商', '“磋”误作“蹉”，如“竞争性蹉商”'),
  typo('编缉', '编辑', '“辑”误作“缉”，常见于责任编辑署名'),
];
