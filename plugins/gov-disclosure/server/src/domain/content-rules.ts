/**
 * Cross-field rules of the plugin's content types, as pure functions over a document's values
 * (the stored values merged with the incoming change). Strapi's own validator already checks
 * each attribute's type, regex, length and enum; these are the rules it cannot express.
 */
import { CHANNELS, REPORT_TEMPLATE_IDS } from '../../../shared/constants';
import { issue, type FieldIssue } from '../../../shared/domain/field-issue';
import { checkIssuerCode, describeCodeProblem } from '../../../shared/domain/organization-code';
import { indexNumberPatternIssues } from '../../../shared/domain/index-number-pattern';
import { statisticsValueIssues } from '../../../shared/domain/statistics-values';
import { documentNumberProblem, normalizeDocumentNumber } from '../../../shared/domain/document-number';

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

export const annualReportIssues = (values: Values): FieldIssue[] => {
  const template = String(values.template ?? '');
  if (!(REPORT_TEMPLATE_IDS as readonly string[]).includes(template)) {
    return [issue('template', `must be one of ${REPORT_TEMPLATE_IDS.join(', ')} (报告格式)`)];
  }
  return statisticsValueIssues(template, values.statistics);
};
