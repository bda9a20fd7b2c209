/**
 * Applications for disclosure (依申请公开, 条例 arts. 27–45) as a pure state machine: the states a
 * case passes through, the actions that move it, what each action needs, and the words of table
 * 三 for its applicants and outcomes. The server, the admin panel and the tests read this table.
 */

/** 申请人情况: table 三's columns, in its order (the 总计 column is their sum, not a type). */
export const APPLICANT_TYPES = ['natural', 'commercial', 'research', 'social', 'legal', 'other'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, { zh: string; en: string }> = {
  natural: { zh: '自然人', en: 'Natural person' },
  commercial: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  social: { zh: '社会公益组织', en: 'Public-interest organisation' },
  legal: { zh: '法律服务机构', en: 'Legal service provider' },
  other: { zh: '其他组织', en: 'Other organisation' },
};

/** How the application arrived (art. 29; the 2008 form counts 当面, 传真, 网络, 信函). */
export const CHANNELS = ['in_person', 'online', 'letter', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  in_person: { zh: '当面', en: 'In person' },
  online: { zh: '网络', en: 'Online' },
  letter: { zh: '信函', en: 'Letter' },
  fax: { zh: '传真', en: 'Fax' },
  email: { zh: '电子邮件', en: 'E-mail' },
};

/** The form and the delivery the applicant asks for (art. 29 (三)). */
export const PROVISION_FORMS = ['paper', 'electronic', 'inspection', 'other'] as const;
export type ProvisionForm = (typeof PROVISION_FORMS)[number];
export const PROVISION_FORM_LABELS: Record<ProvisionForm, { zh: string; en: string }> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子文档', en: 'Electronic' },
  inspection: { zh: '当场阅读、抄录', en: 'Inspect on site' },
  other: { zh: '其他', en: 'Other' },
};

export const DELIVERIES = ['post', 'email', 'pickup', 'fax', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, { zh: string; en: string }> = {
  post: { zh: '邮寄', en: 'Post' },
  email: { zh: '电子邮件', en: 'E-mail' },
  pickup: { zh: '自行领取', en: 'Collect in person' },
  fax: { zh: '传真', en: 'Fax' },
  online: { zh: '网上查阅', en: 'Online' },
};

/**
 * 办理结果: each outcome is one row of table 三 (2021 form) — （一）, （二） and every numbered item
 * of （三）…（六）; `row` is that row's id in the report templates, so the report counts them as is.
 */
export const OUTCOMES = {
  disclosed: { row: 't3.r1', zh: '予以公开', en: 'Disclosed' },
  partly_disclosed: { row: 't3.r2', zh: '部分公开', en: 'Partly disclosed' },
  withheld_state_secret: { row: 't3.r3.1', zh: '不予公开：属于国家秘密', en: 'Not disclosed: state secret' },
  withheld_by_law: { row: 't3.r3.2', zh: '不予公开：其他法律行政法规禁止公开', en: 'Not disclosed: barred by other laws' },
  withheld_security: { row: 't3.r3.3', zh: '不予公开：危及“三安全一稳定”', en: 'Not disclosed: endangers security or stability' },
  withheld_third_party: { row: 't3.r3.4', zh: '不予公开：保护第三方合法权益', en: 'Not disclosed: third-party rights' },
  withheld_internal: { row: 't3.r3.5', zh: '不予公开：属于三类内部事务信息', en: 'Not disclosed: internal affairs' },
  withheld_process: { row: 't3.r3.6', zh: '不予公开：属于四类过程性信息', en: 'Not disclosed: process information' },
  withheld_enforcement: { row: 't3.r3.7', zh: '不予公开：属于行政执法案卷', en: 'Not disclosed: enforcement case file' },
  withheld_inquiry: { row: 't3.r3.8', zh: '不予公开：属于行政查询事项', en: 'Not disclosed: administrative inquiry matter' },
  unavailable_not_held: { row: 't3.r4.1', zh: '无法提供：本机关不掌握相关政府信息', en: 'Cannot provide: not held' },
  unavailable_needs_making: { row: 't3.r4.2', zh: '无法提供：没有现成信息需要另行制作', en: 'Cannot provide: would have to be created' },
  unavailable_unclear: { row: 't3.r4.3', zh: '无法提供：补正后申请内容仍不明确', en: 'Cannot provide: still unclear after amendment' },
  not_processed_petition: { row: 't3.r5.1', zh: '不予处理：信访举报投诉类申请', en: 'Not processed: petition or complaint' },
  not_processed_repeat: { row: 't3.r5.2', zh: '不予处理：重复申请', en: 'Not processed: repeated request' },
  not_processed_publication: { row: 't3.r5.3', zh: '不予处理：要求提供公开出版物', en: 'Not processed: published material' },
  not_processed_mass: { row: 't3.r5.4', zh: '不予处理：无正当理由大量反复申请', en: 'Not processed: mass repeated requests' },
  not_processed_confirmation: {
    row: 't3.r5.5',
    zh: '不予处理：要求行政机关确认或重新出具已获取信息',
    en: 'Not processed: asks to confirm or reissue information',
  },
  other_no_amendment: { row: 't3.r6.1', zh: '其他处理：申请人逾期不补正', en: 'Other: not amended in time' },
  other_no_payment: { row: 't3.r6.2', zh: '其他处理：申请人逾期未缴纳费用', en: 'Other: fee not paid in time' },
  other: { row: 't3.r6.3', zh: '其他处理：其他', en: 'Other' },
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_KEYS = Object.keys(OUTCOMES) as Outcome[];

/** Outcomes that only the lapse of the applicant's own time limit gives (never chosen in an answer). */
export const LAPSE_OUTCOMES = ['other_no_amendment', 'other_no_payment'] as const satisfies readonly Outcome[];
export const ANSWER_OUTCOMES = OUTCOME_KEYS.filter((o) => !(LAPSE_OUTCOMES as readonly string[]).includes(o));

/** 答复类型 (art. 36 (一)–(七), with art. 37's partial disclosure): what the reply tells the applicant. */
export const REPLY_KINDS = {
  already_public: { zh: '已经主动公开（告知获取方式和途径）', en: 'Already public (where to find it)' },
  disclosed: { zh: '予以公开（提供信息或告知获取方式）', en: 'Disclosed' },
  partly_disclosed: { zh: '部分公开（区分处理）', en: 'Partly disclosed' },
  not_disclosed: { zh: '不予公开（说明理由）', en: 'Not disclosed (with reasons)' },
  not_held: { zh: '本机关不掌握（告知）', en: 'Not held by this office' },
  not_this_office: { zh: '不属于本机关负责公开（告知负责机关）', en: 'Another office is responsible' },
  repeat: { zh: '重复申请（告知不予重复处理）', en: 'Repeated application' },
  registration_records: { zh: '工商、不动产登记资料等（告知依照有关法律办理）', en: 'Registration records (own laws)' },
  not_processed: { zh: '不予处理（告知理由）', en: 'Not processed (with reasons)' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type ReplyKind = keyof typeof REPLY_KINDS;
export const REPLY_KIND_KEYS = Object.keys(REPLY_KINDS) as ReplyKind[];

export const APPLICATION_STATES = ['received', 'amendment_requested', 'consulting', 'fee_notified', 'answered', 'concluded'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS: Record<ApplicationState, { zh: string; en: string }> = {
  received: { zh: '办理中', en: 'In progress' },
  amendment_requested: { zh: '待补正', en: 'Awaiting amendment' },
  consulting: { zh: '征求意见中', en: 'In consultation' },
  fee_notified: { zh: '待缴费', en: 'Awaiting payment' },
  answered: { zh: '已答复', en: 'Answered' },
  concluded: { zh: '已办结', en: 'Concluded' },
};

/** States in which the statutory period stands still (arts. 30, 32; 国办函〔2020〕109号 第八条). */
export const CLOCK_STOPPED: ReadonlySet<ApplicationState> = new Set(['amendment_requested', 'consulting', 'fee_notified']);
/** States with a decision made: the case counts as handled in table 三 (its outcome and day are set). */
export const DECIDED: ReadonlySet<ApplicationState> = new Set(['answered', 'concluded']);

export const APPLICATION_ACTIONS = [
  'request_amendment',
  'amend',
  'lapse_amendment',
  'start_consultation',
  'end_consultation',
  'extend',
  'notify_fee',
  'confirm_payment',
  'lapse_payment',
  'answer',
  'conclude',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** What an action needs from the handler, beyond the case itself. */
export type ActionNeed = 'note' | 'dueOn' | 'day' | 'approver' | 'fee' | 'outcome';

export interface ApplicationTransition {
  from: readonly ApplicationState[];
  /** null: the state does not change (an extension). */
  to: ApplicationState | null;
  needs: readonly ActionNeed[];
  /** Only the office's head of disclosure approves it (a permission of its own). */
  approval?: true;
}

export const APPLICATION_TRANSITIONS: Record<ApplicationAction, ApplicationTransition> = {
  // art. 30: once, within 7 working days of receipt, with a reasonable time limit
  request_amendment: { from: ['received'], to: 'amendment_requested', needs: ['note', 'dueOn'] },
  // the period starts again from the day the amended application arrives
  amend: { from: ['amendment_requested'], to: 'received', needs: ['day'] },
  // no amendment by the time limit: table 三 （六）1
  lapse_amendment: { from: ['amendment_requested'], to: 'concluded', needs: [] },
  // art. 32: third party (15 working days to answer) or another agency; the time is not counted
  start_consultation: { from: ['received'], to: 'consulting', needs: ['note'] },
  end_consultation: { from: ['consulting'], to: 'received', needs: ['day'] },
  // art. 33: at most once, at most 20 working days, approved by the head of the disclosure office
  extend: { from: ['received', 'consulting'], to: null, needs: ['approver', 'note'], approval: true },
  // 国办函〔2020〕109号: a fee notice within the period; 20 working days to pay
  notify_fee: { from: ['received'], to: 'fee_notified', needs: ['fee', 'day'] },
  confirm_payment: { from: ['fee_notified'], to: 'received', needs: ['day'] },
  // not paid by the time limit: table 三 （六）2
  lapse_payment: { from: ['fee_notified'], to: 'concluded', needs: [] },
  answer: { from: ['received'], to: 'answered', needs: ['outcome', 'day'] },
  // the reply delivered and the file closed
  conclude: { from: ['answered'], to: 'concluded', needs: [] },
};

export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, { zh: string; en: string }> = {
  request_amendment: { zh: '告知补正', en: 'Request amendment' },
  amend: { zh: '收到补正', en: 'Amendment received' },
  lapse_amendment: { zh: '逾期未补正', en: 'Not amended in time' },
  start_consultation: { zh: '征求意见', en: 'Consult' },
  end_consultation: { zh: '征求意见结束', en: 'Consultation ended' },
  extend: { zh: '延期答复', en: 'Extend' },
  notify_fee: { zh: '收费通知', en: 'Fee notice' },
  confirm_payment: { zh: '确认缴费', en: 'Payment received' },
  lapse_payment: { zh: '逾期未缴费', en: 'Fee not paid in time' },
  answer: { zh: '答复', en: 'Answer' },
  conclude: { zh: '办结', en: 'Conclude' },
};

/** Events of a case besides its transitions: registration and each view of the applicant's identity. */
export const APPLICATION_EVENT_ACTIONS = ['register', ...APPLICATION_ACTIONS, 'view_identity', 'assign'] as const;
export type ApplicationEventAction = (typeof APPLICATION_EVENT_ACTIONS)[number];
export const APPLICATION_EVENT_LABELS: Record<ApplicationEventAction, { zh: string; en: string }> = {
  register: { zh: '登记', en: 'Registered' },
  ...APPLICATION_ACTION_LABELS,
  view_identity: { zh: '查看申请人身份信息', en: 'Applicant identity viewed' },
  assign: { zh: '指定承办人', en: 'Handler assigned' },
};

/** Statutory periods in working days (条例 arts. 30, 32, 33; 国办函〔2020〕109号). */
export const PERIODS = {
  reply: 20,
  extension: 20,
  amendmentRequestWindow: 7,
  thirdPartyReply: 15,
  payment: 20,
} as const;

export const isApplicationAction = (value: unknown): value is ApplicationAction =>
  typeof value === 'string' && (APPLICATION_ACTIONS as readonly string[]).includes(value);

export const canApply = (state: ApplicationState, action: ApplicationAction): boolean => APPLICATION_TRANSITIONS[action].from.includes(state);

/** The actions open from a state (before permissions and dates are considered). */
export const actionsFrom = (state: ApplicationState): ApplicationAction[] => APPLICATION_ACTIONS.filter((a) => canApply(state, a));
