/**
 * The office's letters to an applicant for disclosure, as templates over the case's facts: 受理回执,
 * 补正告知书, 延期答复告知书 and 政府信息公开申请答复书, in the words of the regulation (条例 arts. 30,
 * 33, 36) and with the remedies an answer must state (行政复议法: 60 days; 行政诉讼法: 6 months).
 * Pure: the server renders the result as DOCX, the tests read it as text.
 */
import { OUTCOMES, PERIODS, type Outcome } from './disclosure-application';

export const NOTICE_KINDS = ['receipt', 'amendment', 'extension', 'answer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Record<NoticeKind, { zh: string; en: string }> = {
  receipt: { zh: '政府信息公开申请受理回执', en: 'Acknowledgement of receipt' },
  amendment: { zh: '政府信息公开申请补正告知书', en: 'Request to amend the application' },
  extension: { zh: '政府信息公开申请延期答复告知书', en: 'Notice of extension' },
  answer: { zh: '政府信息公开申请答复书', en: 'Reply to the application' },
};

export interface NoticeFacts {
  organizationName: string;
  applicantName: string;
  trackingNumber: string;
  receivedOn: string;
  description: string;
  amendment: { requestedOn: string; dueOn: string | null; note: string | null } | null;
  extension: { days: number; reason: string | null; decidedOn: string } | null;
  dueOn: string | null;
  answer: { decidedOn: string; outcome: Outcome | null; replyText: string | null } | null;
  /** The day the letter is dated (today, unless the step has a day of its own). */
  today: string;
}

export interface Notice {
  title: string;
  reference: string;
  salutation: string;
  paragraphs: string[];
  signature: string;
  date: string;
}

/** 2026-12-03 → 2026年12月3日, as official letters write dates. */
export const chineseDate = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const REMEDIES = '如对本答复不服，可以自收到本答复书之日起60日内依法申请行政复议，或者自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。';

/** Which letters the case can have now: each needs the step it reports (only whether it happened matters). */
export const availableNotices = (facts: { amendment: unknown; extension: unknown; answer: { replyText: string | null } | null }): NoticeKind[] => [
  'receipt',
  ...(facts.amendment ? (['amendment'] as const) : []),
  ...(facts.extension ? (['extension'] as const) : []),
  // a lapse (no amendment, no payment) ends the case without an answer to send
  ...(facts.answer?.replyText ? (['answer'] as const) : []),
];

export const renderNotice = (kind: NoticeKind, f: NoticeFacts): Notice => {
  const received = `本机关于${chineseDate(f.receivedOn)}收到您（单位）提出的政府信息公开申请（受理编号：${f.trackingNumber}）`;
  const base = { title: NOTICE_TITLES[kind].zh, reference: `受理编号：${f.trackingNumber}`, salutation: `${f.applicantName}：`, signature: f.organizationName };
  switch (kind) {
    case 'receipt':
      return {
        ...base,
        paragraphs: [
          `${received}，申请获取“${f.description}”。`,
          `根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起${PERIODS.reply}个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过${PERIODS.extension}个工作日。`,
          '您可以凭受理编号和登记时告知的查询码，在本机关门户网站“依申请公开”页面查询办理进度和答复结果。',
        ],
        date: chineseDate(f.today),
      };
    case 'amendment': {
      const a = f.amendment!;
      return {
        ...base,
        paragraphs: [
          `${received}。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下内容作出补正：`,
          a.note ?? '',
          `请于${a.dueOn ? chineseDate(a.dueOn) : '合理期限内'}前将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
        date: chineseDate(a.requestedOn),
      };
    }
    case 'extension': {
      const e = f.extension!;
      return {
        ...base,
        paragraphs: [
          `${received}。${e.reason ? `因${e.reason.replace(/[。.]$/, '')}，` : ''}本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${e.days}个工作日${f.dueOn ? `，本机关将于${chineseDate(f.dueOn)}前作出答复` : ''}。`,
          '特此告知。',
        ],
        date: chineseDate(e.decidedOn),
      };
    }
    case 'answer': {
      const a = f.answer!;
      return {
        ...base,
        paragraphs: [
          `${received}，申请获取“${f.description}”。现答复如下：`,
          ...(a.replyText ?? '').split(/\n+/).filter(Boolean),
          ...(a.outcome ? [`办理结果：${OUTCOMES[a.outcome].zh}。`] : []),
          REMEDIES,
        ],
        date: chineseDate(a.decidedOn),
      };
    }
    default:
      throw new RangeError(`unknown notice ${String(kind)}`);
  }
};
