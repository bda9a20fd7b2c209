/** The letters to an applicant, read as text: what each says, when each can be issued. */
import { availableNotices, chineseDate, renderNotice, type NoticeFacts } from '../../plugins/gov-disclosure/shared/domain/reply-notices';

const facts: NoticeFacts = {
  organizationName: '某市市场监督管理局',
  applicantName: '张三',
  trackingNumber: 'YSQ-2025-00007',
  receivedOn: '2025-03-07',
  description: '2024年食品抽检结果',
  amendment: { requestedOn: '2025-03-10', dueOn: '2025-03-24', note: '请写明抽检批次' },
  extension: { days: 20, reason: '需要调取档案。', decidedOn: '2025-04-01' },
  dueOn: '2025-05-08',
  answer: { decidedOn: '2025-04-20', outcome: 'partly_disclosed', replyText: '第一段。\n第二段。' },
  today: '2025-04-21',
};

describe('letters to the applicant', () => {
  it('writes dates as official letters do', () => {
    expect(chineseDate('2025-03-07')).toBe('2025年3月7日');
  });

  it('acknowledges receipt with the statutory period', () => {
    const n = renderNotice('receipt', facts);
    expect(n).toMatchObject({ title: '政府信息公开申请受理回执', salutation: '张三：', signature: '某市市场监督管理局', date: '2025年4月21日' });
    expect(n.paragraphs[0]).toBe('本机关于2025年3月7日收到您（单位）提出的政府信息公开申请（受理编号：YSQ-2025-00007），申请获取“2024年食品抽检结果”。');
    expect(n.paragraphs[1]).toContain('20个工作日内予以答复');
  });

  it('asks for the amendment with its time limit and the consequence of missing it', () => {
    const n = renderNotice('amendment', facts);
    expect(n.paragraphs).toContain('请写明抽检批次');
    expect(n.paragraphs[2]).toContain('请于2025年3月24日前');
    expect(n.paragraphs[2]).toContain('视为放弃申请');
    expect(n.date).toBe('2025年3月10日');
  });

  it('gives the extension, its reason and the new day', () => {
    const n = renderNotice('extension', facts);
    expect(n.paragraphs[0]).toContain('因需要调取档案，本机关不能在规定期限内作出答复');
    expect(n.paragraphs[0]).toContain('答复期限延长20个工作日，本机关将于2025年5月8日前作出答复');
  });

  it('answers paragraph by paragraph, with the outcome and the remedies', () => {
    const n = renderNotice('answer', facts);
    expect(n.paragraphs.slice(1)).toEqual([
      '第一段。',
      '第二段。',
      '办理结果：部分公开。',
      '如对本答复不服，可以自收到本答复书之日起60日内依法申请行政复议，或者自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。',
    ]);
  });

  it('offers each letter only once its step has happened', () => {
    expect(availableNotices({ amendment: null, extension: null, answer: null })).toEqual(['receipt']);
    expect(availableNotices(facts)).toEqual(['receipt', 'amendment', 'extension', 'answer']);
    // a lapse has no reply to send
    expect(availableNotices({ ...facts, answer: { decidedOn: '2025-04-20', outcome: 'other_no_amendment', replyText: null } })).not.toContain('answer');
  });
});
