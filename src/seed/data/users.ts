export const DEMO_PASSWORD_DEFAULT = 'Disclosure2018';

export type DemoRole = 'super-admin' | 'drafter' | 'reviewer' | 'publisher';

export const DEMO_USERS: Array<{ email: string; firstname: string; lastname: string; role: DemoRole }> = [
  { email: 'admin@demo.gov.cn', firstname: '系统', lastname: '管理员', role: 'super-admin' },
  { email: 'drafter@demo.gov.cn', firstname: '栏目', lastname: '管理员', role: 'drafter' },
  { email: 'reviewer@demo.gov.cn', firstname: '信息', lastname: '审核人', role: 'reviewer' },
  { email: 'publisher@demo.gov.cn', firstname: '办公室', lastname: '发布人', role: 'publisher' },
];
