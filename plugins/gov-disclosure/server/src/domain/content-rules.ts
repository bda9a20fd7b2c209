/**
 * Cross-field rules of the plugin's content types, as pure functions over a document's values
 * (the stored values merged with the incoming change). Strapi's own validator already checks
 * each attribute's type, regex, length and enum; these are the rules it cannot express.
 */
import { CHANNELS, REPORT_TEMPLATE_IDS } from '../../../shared/constants';
import { siteIdentityIssues } from '../../../shared/domain/site-identity';
import { issue, type FieldIssue } from '../../../shared/domain/field-issue';
import { checkIssuerCode, describeCodeProblem } from '../../../shared/domain/organization-code';
import { indexNumberPatternIssues } from '../../../shared/domain/index-number-pattern';
import { statisticsValueIssues } from '../../../shared/domain/statistics-values';
import { REPORT_TEMPLATES } from '../../../shared/domain/report-templates';
import { documentNumberProblem, normalizeDocumentNumber } from '../../../shared/domain/document-number';
import { SUBJECT_CATEGORIES } from '../../../shared/domain/subject-categories';

type Values = Record<string, unknown>;

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const asDate = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

export const organizationIssues = (values: Values): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  if (!isBlank(values.code)) {
    const check = checkIssuerCode(String(values.code));
    if (!check.valid) issues.push(issue('code', `统一社会信用代码/组织机构代码 ${describeCodeProblem(check)}`));
  }
  if (!isBlank(values.indexNumberPattern)) {
    issues.push(...indexNumberPatternIssues(String(values.indexNumberPattern)));
  }
  issues.push(...siteIdentityIssues(values));
  return issues;
};

const SAFE_LINK = /^(https?:\/\/[^\s]+|\/[^\s]*)$/i;

export const columnIssues = (values: Values): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const kind = values.kind ?? 'list';
  if (kind === 'link') {
    if (isBlank(values.linkUrl)) issues.push(issue('linkUrl', 'a link column needs a URL (链接栏目须填写链接地址)'));
    else if (!SAFE_LINK.test(String(values.linkUrl).trim())) {
      issues.push(issue('linkUrl', 'must be an http(s) URL or a path starting with / (链接地址须以 http://、https:// 或 / 开头)'));
    }
  } else if (!isBlank(values.linkUrl)) {
    issues.push(issue('linkUrl', `only link columns have a URL; this column's kind is "${String(kind)}" (仅链接栏目可填写链接地址)`));
  }
  return issues;
};

export const catalogEntryIssues = (values: Values): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  if (!isBlank(values.documentNumber)) {
    const problem = documentNumberProblem(normalizeDocumentNumber(String(values.documentNumber)));
    if (problem) issues.push(issue('documentNumber', problem));
  }
  if (values.disclosureMode === 'withheld' && isBlank(values.withholdReason)) {
    issues.push(issue('withholdReason', '不予公开 (withheld) needs a reason (不予公开须填写不公开理由)'));
  }
  const written = asDate(values.writtenDate);
  const published = asDate(values.publishedDate);
  if (written && published && written > published) {
    issues.push(issue('writtenDate', `成文日期 ${written} is after 发布日期 ${published} (成文日期不能晚于发布日期)`));
  }
  if (values.validity === 'repealed' && isBlank(values.repealedDate)) {
    issues.push(issue('repealedDate', '废止 (repealed) needs a 废止日期 (repeal date)'));
  }
  const effective = asDate(values.effectiveDate);
  const repealed = asDate(values.repealedDate);
  if (effective && repealed && effective > repealed) {
    issues.push(issue('repealedDate', `废止日期 ${repealed} is before 生效日期 ${effective}`));
  }
  const expiry = asDate(values.expiryDate);
  if (effective && expiry && effective > expiry) {
    issues.push(issue('expiryDate', `有效期至 ${expiry} is before 生效日期 ${effective}`));
  }
  if (!isBlank(values.channels)) {
    const channels = values.channels;
    if (!Array.isArray(channels)) {
      issues.push(issue('channels', `must be a list of channels: ${CHANNELS.join(', ')}`));
    } else {
      const unknown = channels.filter((c) => !(CHANNELS as readonly unknown[]).includes(c));
      if (unknown.length > 0) {
        issues.push(issue('channels', `unknown channel ${unknown.map((c) => JSON.stringify(c)).join(', ')}; allowed: ${CHANNELS.join(', ')}`));
      } else if (new Set(channels).size !== channels.length) {
        issues.push(issue('channels', 'lists a channel twice'));
      }
    }
  }
  return issues;
};

/** Another catalog entry a relation points at, as the rules need it. */
export interface LinkedEntry {
  documentId: string;
  title: string;
  genre: unknown;
}

export interface InterpretationLinks {
  genre: unknown;
  /** The documents this entry interprets, once the write is applied. */
  interprets: LinkedEntry[];
  /** The entries that interpret this one (the other side of the same link), once the write is applied. */
  interpretedBy: LinkedEntry[];
  /** Interpretations the write unlinks from this document that would then interpret no document at all. */
  stranded: LinkedEntry[];
}

/** The genre (文种) of a 政策解读. */
export const INTERPRETATION = 'interpretation';
const isInterpretation = (e: { genre: unknown }) => e.genre === INTERPRETATION;
const quoted = (entries: LinkedEntry[]) => entries.map((e) => `"${e.title}"`).join(', ');

/** What can be wrong with the documents an entry names as interpreted (解读对象). */
export type InterpretationLinkProblem = 'interpretation-without-target' | 'target-is-interpretation' | 'not-an-interpretation';

/**
 * 政策解读's link rule, its one home (the write guard, the catalog file and the import read it): an
 * interpretation names at least one document it interprets, none of them an interpretation itself;
 * only an interpretation names documents it interprets.
 */
export const interpretationLinkProblems = (genre: unknown, targets: Array<{ genre: unknown }>): InterpretationLinkProblem[] => {
  if (genre !== INTERPRETATION) return targets.length > 0 ? ['not-an-interpretation'] : [];
  if (targets.length === 0) return ['interpretation-without-target'];
  return targets.some(isInterpretation) ? ['target-is-interpretation'] : [];
};

/**
 * 政策解读: an interpretation links the policy documents it interprets, which are not interpretations
 * themselves, so each page can list the other; only an interpretation interprets anything.
 */
export const interpretationIssues = ({ genre, interprets, interpretedBy, stranded }: InterpretationLinks): FieldIssue[] => {
  const issues: FieldIssue[] = interpretationLinkProblems(genre, interprets).map((problem) => {
    if (problem === 'interpretation-without-target') {
      return issue('interprets', 'a 政策解读 (policy interpretation) must link the policy document it interprets (政策解读须关联所解读的政策文件)');
    }
    if (problem === 'target-is-interpretation') {
      return issue(
        'interprets',
        `${quoted(interprets.filter(isInterpretation))} is itself a 政策解读; link the policy document it interprets (解读的文件须为政策文件，不能是另一篇政策解读)`
      );
    }
    return issue(
      'interprets',
      'only a 政策解读 (genre "interpretation") links documents it interprets; clear 解读的文件 or make the entry an interpretation (仅政策解读可关联解读的文件)'
    );
  });
  if (genre === INTERPRETATION) {
    if (interpretedBy.length > 0) {
      issues.push(
        issue(
          'genre',
          `${quoted(interpretedBy)} interprets this document, so it is a policy document and cannot be a 政策解读 itself (已有政策解读关联本文件，文种不能为政策解读)`
        )
      );
    }
  }
  const notInterpretations = interpretedBy.filter((e) => !isInterpretation(e));
  if (notInterpretations.length > 0) {
    issues.push(
      issue(
        'interpretations',
        `${quoted(notInterpretations)} is not a 政策解读; only interpretations are listed as a document's interpretations (相关解读须为政策解读)`
      )
    );
  }
  if (stranded.length > 0) {
    issues.push(
      issue('interpretations', `${quoted(stranded)} would then interpret no document; link it to its policy document first (政策解读须至少关联一份政策文件)`)
    );
  }
  return issues;
};

/** An interpretation goes live only when a policy document it interprets is live and public, so its page never points nowhere. */
export const interpretationPublishIssues = (genre: unknown, liveInterpreted: number): FieldIssue[] =>
  genre === INTERPRETATION && liveInterpreted === 0
    ? [
        issue(
          'interprets',
          'none of the documents this 政策解读 interprets is published for the public; publish the policy document first (所解读的政策文件尚未公开发布，请先发布政策文件)'
        ),
      ]
    : [];

/**
 * Withdrawing a policy document must not leave a published 政策解读 explaining nothing the public
 * can read: `stranded` are the live interpretations whose only live policy is this one.
 */
export const policyWithdrawIssues = (stranded: Array<{ title: string }>): FieldIssue[] =>
  stranded.length > 0
    ? [
        issue(
          'interpretations',
          `withdraw its 政策解读 first: ${stranded.map((e) => `"${e.title}"`).join(', ')} explain(s) only this document (请先撤回仅解读本文件的政策解读)`
        ),
      ]
    : [];

/** The top level of the national 主题分类 list; its codes are stable identifiers. */
const NATIONAL_TOP_CODES: ReadonlySet<string> = new Set(SUBJECT_CATEGORIES.map((c) => c.code));

export interface SubjectCategoryFacts {
  code: string;
  name: string;
  hasParent: boolean;
  hasChildren: boolean;
  /** Code of the top-level category above it (its own code when it is top level). */
  topCode: string;
}

/**
 * An entry is filed under a top-level category or a leaf, never a middle one, and within the
 * national list. Agencies may add second-level categories of their own under a national top
 * level (the list says its second levels are plain data to extend), so "national" is judged by
 * the top level: a category an agency adds at the top is not on the national list and is refused.
 */
export const subjectCategoryIssues = (c: SubjectCategoryFacts): FieldIssue[] => {
  const label = `${c.code} ${c.name}`;
  if (!NATIONAL_TOP_CODES.has(c.topCode)) {
    return [
      issue(
        'subjectCategory',
        `${label} is not on the national 主题分类 list; choose a category under one of the national top levels (主题分类须属于国家目录)`
      ),
    ];
  }
  if (c.hasParent && c.hasChildren) {
    return [issue('subjectCategory', `${label} has sub-categories; choose one of them or its top-level category (主题分类须为末级分类或一级分类)`)];
  }
  return [];
};

/**
 * A cell the form no longer has (a merged group label an earlier template gave cells) keeps the
 * number stored in it until the office clears it, but takes no new one.
 */
export const retiredCellIssues = (templateId: string, incoming: unknown, stored: unknown): FieldIssue[] => {
  const template = REPORT_TEMPLATES[templateId];
  if (!template?.retiredCells || !incoming || typeof incoming !== 'object') return [];
  const before = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return template.retiredCells.flatMap(({ id, label }) => {
    const value = (incoming as Record<string, unknown>)[id];
    if (value === null || value === undefined || value === '' || value === before[id]) return [];
    return [
      issue(
        ['statistics', id],
        `「${label}」 is not a cell of the official form: it keeps a number stored before until it is cleared, but takes no new one (现行表格中无此单元格，只能清除)`
      ),
    ];
  });
};

export const annualReportIssues = (values: Values): FieldIssue[] => {
  const template = String(values.template ?? '');
  if (!(REPORT_TEMPLATE_IDS as readonly string[]).includes(template)) {
    return [issue('template', `must be one of ${REPORT_TEMPLATE_IDS.join(', ')} (报告格式)`)];
  }
  return statisticsValueIssues(template, values.statistics);
};
