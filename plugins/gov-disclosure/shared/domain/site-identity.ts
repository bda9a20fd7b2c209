/**
 * What a government site must show in its footer (《政府网站发展指引》, 国办发〔2017〕47号): 主办单位,
 * 承办单位, contact, 网站标识码, ICP 备案号 (linked to the MIIT record), 公安机关备案号 (linked to the
 * record by its number) and the 党政机关 identifier (linked to its verification page). The
 * organization configures them; this module checks their form and makes the links.
 */
import { issue, type FieldIssue } from './field-issue';

export interface SiteIdentity {
  sponsor: string | null;
  operator: string | null;
  contact: string | null;
  websiteCode: string | null;
  icpNumber: string | null;
  publicSecurityNumber: string | null;
  partyGovernmentUrl: string | null;
}

/** 网站标识码: ten letters and digits (e.g. 3303000013; ministries bm…). */
const WEBSITE_CODE = /^[0-9A-Za-z]{10}$/;
/** ICP 备案号: 浙ICP备05012345号, optionally -1 for the site's number under the record. */
const ICP = /^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/;
/** 公安机关备案号: 浙公网安备 33030202000123号 — the 14 digits identify the record. */
const PUBLIC_SECURITY = /^[\u4e00-\u9fa5]公网安备\s?(\d{14})号$/;
const HTTPS_URL = /^https:\/\/[^\s/]+\.[^\s]+$/;

export const ICP_RECORD_URL = 'https://beian.miit.gov.cn/';
export const publicSecurityRecordUrl = (number: string): string | null => {
  const digits = PUBLIC_SECURITY.exec(number.trim())?.[1];
  return digits ? `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}` : null;
};

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Each field's form, naming the field, as the organization form is saved. */
export const siteIdentityIssues = (values: Record<string, unknown>): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const check = (field: keyof SiteIdentity, pattern: RegExp, message: string) => {
    if (!blank(values[field]) && !pattern.test(String(values[field]).trim())) issues.push(issue(field, message));
  };
  check('websiteCode', WEBSITE_CODE, '网站标识码应为 10 位字母或数字，如 3303000013 (the website identifier is 10 letters or digits)');
  check('icpNumber', ICP, 'ICP 备案号格式应如“浙ICP备05012345号”或“浙ICP备05012345号-1” (the ICP record number, e.g. 浙ICP备05012345号)');
  check('publicSecurityNumber', PUBLIC_SECURITY, '公安机关备案号格式应如“浙公网安备 33030202000123号” (14 digits) (the public-security record number)');
  check(
    'partyGovernmentUrl',
    HTTPS_URL,
    '党政机关标识链接应为 https:// 开头的网址（开办者标识核验页） (the 党政机关 identifier links to an https verification page)'
  );
  return issues;
};
