/**
 * What the 依申请公开 register counts for the annual report, in the words of the records list:
 * applications by when they arrived and how they ended (table 三), appeal cases by kind and result
 * (table 四). The year's bounds make the balance of table 三 hold by construction in every column:
 * received before the year and open on 1 January (二) plus received in the year (一) equals decided
 * in the year (三（七）) plus open on 31 December (四).
 */
import { OUTCOMES, OUTCOME_KEYS, type Channel, type Outcome } from './disclosure-application';

export type RegisterMeasure =
  'received' | 'carried' | 'decided' | 'open_at_end' | `outcome:${Outcome}` | `channel:${Channel}` | 'decided_on_time' | 'decided_extended';

export const APPEAL_KINDS = ['review', 'direct', 'after'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export type AppealMeasure = `${AppealKind}:${AppealOutcome}`;

export const APPEAL_KIND_LABELS: Record<AppealKind, { zh: string; en: string }> = {
  review: { zh: '行政复议', en: 'Administrative reconsideration' },
  direct: { zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuit filed directly' },
  after: { zh: '行政诉讼（复议后起诉）', en: 'Lawsuit after reconsideration' },
};
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, { zh: string; en: string }> = {
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other outcome' },
  pending: { zh: '尚未审结', en: 'Pending' },
};

const CHANNEL_WORDS: Record<Channel, { zh: string; en: string }> = {
  in_person: { zh: '当面', en: 'in person' },
  online: { zh: '网络', en: 'online' },
  letter: { zh: '信函', en: 'by letter' },
  fax: { zh: '传真', en: 'by fax' },
  email: { zh: '电子邮件', en: 'by e-mail' },
};

export const registerMeasureLabel = (measure: RegisterMeasure, lang: 'zh' | 'en'): string => {
  const zh = lang === 'zh';
  if (measure.startsWith('outcome:')) {
    const o = OUTCOMES[measure.slice('outcome:'.length) as Outcome];
    return zh ? `本年办结，办理结果：${o.zh}` : `decided this year: ${o.en}`;
  }
  if (measure.startsWith('channel:')) {
    const c = CHANNEL_WORDS[measure.slice('channel:'.length) as Channel];
    return zh ? `本年收到的${c.zh}申请` : `received this year ${c.en}`;
  }
  const words: Record<string, [string, string]> = {
    received: ['本年收到的申请', 'received this year'],
    carried: ['上年及以前收到、1月1日仍在办理的申请', 'received earlier and open on 1 January'],
    decided: ['本年办结的申请', 'decided this year'],
    open_at_end: ['12月31日仍在办理的申请', 'open on 31 December'],
    decided_on_time: ['本年办结、未延期且在答复期限内答复的申请', 'decided this year within the period, without extension'],
    decided_extended: ['本年办结、经延期答复的申请', 'decided this year after an extension'],
  };
  return words[measure][zh ? 0 : 1];
};

export const appealMeasureLabel = (measure: AppealMeasure, lang: 'zh' | 'en'): string => {
  const [kind, outcome] = measure.split(':') as [AppealKind, AppealOutcome];
  const k = APPEAL_KIND_LABELS[kind][lang];
  return outcome === 'pending'
    ? lang === 'zh'
      ? `${k}：年末尚未审结的案件`
      : `${k}: pending at year end`
    : lang === 'zh'
      ? `${k}：本年审结，${APPEAL_OUTCOME_LABELS[outcome].zh}`
      : `${k}: decided this year, ${APPEAL_OUTCOME_LABELS[outcome].en.toLowerCase()}`;
};

/** The outcome measures of table 三's rows, by row id (the 2019 trial form's single （六） row takes all three). */
export const OUTCOME_MEASURES_BY_ROW: Record<string, RegisterMeasure[]> = Object.fromEntries(
  OUTCOME_KEYS.map((o) => [OUTCOMES[o].row, [`outcome:${o}` as RegisterMeasure]])
);
