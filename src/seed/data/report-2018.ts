import narrative from './wenzhou-2018-report-narrative.json';

/**
 * 温州市质量技术监督局 2018年政府信息公开工作年度报告, as the agency published it (2008 format).
 * Cell ids are the 2008 template's. Every cell the form has is listed; the ones the agency left
 * blank are null, not zero. The sums it breaks (row 一 = 1974, 三(一) blank…) are kept as filed.
 */
export const SEED_REPORT_2018 = {
  year: 2018,
  template: '2008',
  title: narrative.title,
  preface: narrative.preface,
  section1: narrative.section1,
  section2: narrative.section2,
  section3: narrative.section3,
  section4: narrative.section4,
  section5: narrative.section5,
  section6: narrative.section6,
  statistics: {
    '1': 1974, '1.1': 94, '1.1.a': 1, '1.1.b': 1,
    '1.2': 1880, '1.2.1': null, '1.2.2': 1348, '1.2.3': 400, '1.2.4': 132, '1.2.5': null,
    '2': null, '2.1': null, '2.2': null, '2.2.1': null, '2.2.1.a': null, '2.2.2': null, '2.2.2.a': null,
    '2.2.3': 2, '2.2.4': null, '2.2.5': null,
    '3': 2, '3.1': null, '3.1.1': null, '3.1.2': null, '3.1.3': 2, '3.1.4': null,
    '3.2': null, '3.2.1': 2, '3.2.2': null,
    '3.3': null, '3.3.1': 1, '3.3.2': 1, '3.3.3': null, '3.3.4': null,
    '3.3.4.a': null, '3.3.4.b': null, '3.3.4.c': null, '3.3.4.d': null, '3.3.4.e': null, '3.3.4.f': null,
    '3.3.5': null, '3.3.6': null, '3.3.7': null, '3.3.8': null,
    '4': null, '4.1': null, '4.2': null, '4.3': null,
    '5': null, '5.1': null, '5.2': null, '5.3': null,
    '6': null,
    '7': null, '7.1': null, '7.2': null, '7.3': 2, '7.3.1': null, '7.3.2': 2, '7.4': null,
    '8': null, '8.1': null, '8.2': null, '8.3': null,
  } as Record<string, number | null>,
};
