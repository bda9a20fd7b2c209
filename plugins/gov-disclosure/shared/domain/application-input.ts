/**
 * What an application for disclosure must hold (条例 art. 29) and how each field is checked, for
 * the office's register form, the portal's form and the server alike. Every problem names its
 * field; messages are Chinese first, with English in parentheses.
 */
import {
  APPLICANT_TYPES,
  CHANNELS,
  DELIVERIES,
  PROVISION_FORMS,
  type ApplicantType,
  type Channel,
  type Delivery,
  type ProvisionForm,
} from './disclosure-application';
import { issue, type FieldIssue } from './field-issue';
import { checkCreditCode } from './organization-code';
import { checkResidentId } from './resident-id';
import { isDay } from './working-days';

export const ID_TYPES = ['resident_id', 'passport', 'other_id', 'credit_code', 'other_org'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, { zh: string; en: string }> = {
  resident_id: { zh: '居民身份证', en: 'Resident identity card' },
  passport: { zh: '护照', en: 'Passport' },
  other_id: { zh: '其他有效身份证件', en: 'Other identity document' },
  credit_code: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  other_org: { zh: '其他组织证明', en: 'Other organisation document' },
};
/** Identity documents of a person, and of an organisation. */
const PERSON_IDS: readonly IdType[] = ['resident_id', 'passport', 'other_id'];
const ORGANISATION_IDS: readonly IdType[] = ['credit_code', 'other_org'];

export interface ApplicationInput {
  organization: string;
  channel: Channel;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantName: string;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  idType: IdType;
  idNumber: string;
  description: string;
  documentNumbers: string | null;
  provisionForm: ProvisionForm;
  delivery: Delivery;
}

export const APPLICATION_FIELD_LIMITS = {
  applicantName: 200,
  contactPerson: 100,
  phone: 40,
  email: 200,
  address: 300,
  postcode: 10,
  idNumber: 40,
  description: 5000,
  documentNumbers: 500,
} as const;

type Raw = Record<string, unknown>;

const text = (raw: Raw, field: keyof typeof APPLICATION_FIELD_LIMITS, issues: FieldIssue[], label: string, required: boolean): string | null => {
  const value = raw[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) issues.push(issue(field, `请填写${label} (${field} is required)`));
    return null;
  }
  if (typeof value !== 'string') {
    issues.push(issue(field, `${label}应为文字 (${field} must be a string)`));
    return null;
  }
  const trimmed = value.trim();
  const limit = APPLICATION_FIELD_LIMITS[field];
  if ([...trimmed].length > limit) issues.push(issue(field, `${label}不能超过${limit}个字 (${field} is longer than ${limit} characters)`));
  return trimmed;
};

const choice = <T extends string>(raw: Raw, field: string, allowed: readonly T[], label: string, issues: FieldIssue[]): T | null => {
  const value = raw[field];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.push(
    issue(field, value === undefined || value === '' ? `请选择${label} (${field} is required)` : `${label}无效 (${field} must be one of ${allowed.join(', ')})`)
  );
  return null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\-\s]{5,40}$/;

/**
 * Checks a registration. `today` (YYYY-MM-DD, the agency's day) bounds the date of receipt;
 * `channel` may be fixed by the caller (the portal's form is always 网络).
 */
export const checkApplicationInput = (raw: Raw, today: string): { ok: true; value: ApplicationInput } | { ok: false; issues: FieldIssue[] } => {
  const issues: FieldIssue[] = [];
  const organization = typeof raw.organization === 'string' && raw.organization.trim() !== '' ? raw.organization.trim() : null;
  if (!organization) issues.push(issue('organization', '请选择受理机关 (organization is required)'));
  const channel = choice(raw, 'channel', CHANNELS, '申请方式', issues);
  let receivedOn: string | null = null;
  if (!isDay(raw.receivedOn)) issues.push(issue('receivedOn', '收到申请日期应为有效日期，格式 YYYY-MM-DD (receivedOn must be a date)'));
  else if (raw.receivedOn > today) issues.push(issue('receivedOn', `收到申请日期不能晚于今天（${today}）(receivedOn is in the future)`));
  else if (raw.receivedOn < '2008-01-01') issues.push(issue('receivedOn', '收到申请日期不能早于2008年 (receivedOn is before 2008)'));
  else receivedOn = raw.receivedOn;
  const applicantType = choice(raw, 'applicantType', APPLICANT_TYPES, '申请人类型', issues);
  const applicantName = text(raw, 'applicantName', issues, applicantType === 'natural' || applicantType === null ? '申请人姓名' : '申请单位名称', true);
  const contactPerson = text(raw, 'contactPerson', issues, '联系人', applicantType !== null && applicantType !== 'natural');
  const phone = text(raw, 'phone', issues, '联系电话', false);
  const email = text(raw, 'email', issues, '电子邮箱', false);
  const address = text(raw, 'address', issues, '通信地址', false);
  const postcode = text(raw, 'postcode', issues, '邮政编码', false);
  if (phone && !PHONE.test(phone)) issues.push(issue('phone', '联系电话格式不正确 (phone is not a telephone number)'));
  if (email && !EMAIL.test(email)) issues.push(issue('email', '电子邮箱格式不正确 (email is not an e-mail address)'));
  if (postcode && !/^\d{6}$/.test(postcode)) issues.push(issue('postcode', '邮政编码应为6位数字 (postcode must be 6 digits)'));
  if (!phone && !email && !address) issues.push(issue('phone', '请至少填写一种联系方式：电话、电子邮箱或通信地址 (give a phone, an e-mail or an address)'));
  const idType = choice(raw, 'idType', ID_TYPES, '身份证明类型', issues);
  const idNumber = text(raw, 'idNumber', issues, '证件号码', true);
  if (idType && applicantType) {
    const allowed = applicantType === 'natural' ? PERSON_IDS : ORGANISATION_IDS;
    if (!allowed.includes(idType)) {
      issues.push(
        issue(
          'idType',
          applicantType === 'natural'
            ? '自然人应提供个人身份证件 (a person gives a personal identity document)'
            : '法人或其他组织应提供组织身份证明 (an organisation gives its own identity document)'
        )
      );
    }
  }
  let sealedNumber = idNumber;
  if (idNumber && idType === 'resident_id') {
    const check = checkResidentId(idNumber);
    if (check.valid) sealedNumber = check.id;
    else
      issues.push(
        issue(
          'idNumber',
          check.reason === 'check-digit'
            ? '居民身份证号码校验位不正确 (the check digit is wrong)'
            : '居民身份证号码应为18位，出生日期有效 (not an 18-character identity number)'
        )
      );
  }
  if (idNumber && idType === 'credit_code') {
    const check = checkCreditCode(idNumber);
    if (check.valid) sealedNumber = check.code;
    else issues.push(issue('idNumber', '统一社会信用代码不正确 (not a valid unified social credit code)'));
  }
  const description = text(raw, 'description', issues, '所需政府信息的名称或描述', true);
  if (description && [...description].length < 4)
    issues.push(issue('description', '请具体描述所需的政府信息，便于查找 (describe the information so it can be found)'));
  const documentNumbers = text(raw, 'documentNumbers', issues, '文号', false);
  const provisionForm = choice(raw, 'provisionForm', PROVISION_FORMS, '信息的提供形式', issues);
  const delivery = choice(raw, 'delivery', DELIVERIES, '获取信息的方式', issues);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      organization: organization!,
      channel: channel!,
      receivedOn: receivedOn!,
      applicantType: applicantType!,
      applicantName: applicantName!,
      contactPerson,
      phone,
      email,
      address,
      postcode,
      idType: idType!,
      idNumber: sealedNumber!,
      description: description!,
      documentNumbers,
      provisionForm: provisionForm!,
      delivery: delivery!,
    },
  };
};
