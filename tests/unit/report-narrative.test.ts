/** The draft of section 三 says what the table says, and nothing the table lacks. */
import { draftRequestsSection } from '../../plugins/gov-disclosure/shared/domain/report-narrative';

describe('section 三 drafted from the statistics table', () => {
  it('writes the 2021 form’s figures in the office’s words, leaving out what is zero', () => {
    const values = {
      't3.new:total': 5,
      't3.new:natural': 3,
      't3.new:commercial': 1,
      't3.new:legal': 1,
      't3.carried:total': 1,
      't3.r1:total': 1,
      't3.r2:total': 1,
      't3.r3.4:total': 0,
      't3.r4.1:total': 1,
      't3.r5.2:total': 1,
      't3.r7:total': 4,
      't3.next:total': 2,
    };
    expect(draftRequestsSection('2021', 2025, values)).toBe(
      '2025年，本机关共收到政府信息公开申请5件，上年结转1件。按申请人类型分：自然人3件，商业企业1件，法律服务机构1件。' +
        '本年度办理完结4件，其中予以公开1件，部分公开1件，无法提供1件，不予处理1件；结转下年度继续办理2件。'
    );
  });

  it('counts the 2019 trial form’s single （六） row', () => {
    expect(draftRequestsSection('2019', 2020, { 't3.new:total': 1, 't3.r7:total': 1, 't3.r6:total': 1 })).toBe(
      '2020年，本机关共收到政府信息公开申请1件。本年度办理完结1件，其中其他处理1件。'
    );
  });

  it('writes the 2008 form’s channels and on-time answers', () => {
    expect(draftRequestsSection('2008', 2018, { '3.1': 2, '3.1.3': 2, '3.2': 2, '3.2.1': 2, '3.2.2': 0 })).toBe(
      '2018年，本机关共收到政府信息公开申请2件，其中网络申请2件；办结2件，其中按时办结2件、延期办结0件。'
    );
  });

  it('drafts nothing while the table lacks the figures', () => {
    expect(draftRequestsSection('2021', 2025, {})).toBeNull();
    expect(draftRequestsSection('2008', 2025, { '3.2': 1 })).toBeNull();
  });
});
