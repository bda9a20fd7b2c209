/**
 * The portal's column tree: the first-level columns the seed report names, each with a few
 * second-level columns, and the 政府信息公开 tree. `staff` says which demo users administer
 * (draft in) and review each column; children inherit their parent's.
 */
export interface SeedColumn {
  slug: string;
  zh: string;
  en: string;
  kind?: 'list' | 'page' | 'link';
  /** As the website inspection sorts columns (动态要闻 / 通知公告 / 政策文件): sets its update limit; 信息公开制度 is linked from the portal. */
  purpose?: 'news' | 'notices' | 'policy' | 'rules';
  linkUrl?: string;
  description?: string;
  staff?: boolean;
  children?: SeedColumn[];
}

export const SEED_COLUMNS: SeedColumn[] = [
  {
    slug: 'tong-zhi-gong-gao',
    zh: '通知公告',
    en: 'Notices',
    purpose: 'notices',
    staff: true,
    children: [
      { slug: 'tong-zhi', zh: '通知', en: 'Notices', purpose: 'notices' },
      { slug: 'gong-gao', zh: '公告', en: 'Announcements', purpose: 'notices' },
      { slug: 'gong-zuo-dong-tai', zh: '工作动态', en: 'News', purpose: 'news' },
    ],
  },
  {
    slug: 'ji-gou-jie-shao',
    zh: '机构介绍',
    en: 'About us',
    children: [
      { slug: 'ji-gou-zhi-neng', zh: '机构职能', en: 'Functions', kind: 'page' },
      { slug: 'ling-dao-xin-xi', zh: '领导信息', en: 'Leadership', kind: 'page' },
      { slug: 'ren-shi-xin-xi', zh: '人事信息', en: 'Personnel' },
    ],
  },
  {
    slug: 'zheng-ce-fa-gui',
    zh: '政策法规',
    en: 'Policies and regulations',
    purpose: 'policy',
    staff: true,
    children: [
      { slug: 'fa-lv-fa-gui', zh: '法律法规', en: 'Laws and regulations' },
      { slug: 'gui-fan-xing-wen-jian', zh: '规范性文件', en: 'Normative documents', purpose: 'policy' },
      { slug: 'zheng-ce-jie-du', zh: '政策解读', en: 'Policy interpretations' },
    ],
  },
  {
    slug: 'zai-xian-ban-li',
    zh: '在线办理',
    en: 'Online services',
    children: [
      { slug: 'ban-shi-zhi-nan', zh: '办事指南', en: 'Service guides' },
      { slug: 'biao-ge-xia-zai', zh: '表格下载', en: 'Forms' },
      { slug: 'zhe-jiang-zheng-wu-fu-wu-wang', zh: '浙江政务服务网', en: 'Zhejiang government services', kind: 'link', linkUrl: 'https://www.zjzwfw.gov.cn/' },
    ],
  },
  {
    slug: 'gong-gong-fu-wu',
    zh: '公共服务',
    en: 'Public services',
    staff: true,
    children: [
      { slug: 'biao-zhun-cha-xun', zh: '标准查询', en: 'Standards look-up' },
      { slug: 'zheng-fu-zhi-liang-jiang', zh: '政府质量奖', en: 'Government quality award' },
      { slug: 'ming-pai-chan-pin', zh: '名牌产品', en: 'Famous-brand products' },
      { slug: 'chan-pin-zhi-liang-jian-du-chou-cha', zh: '产品质量监督抽查', en: 'Product quality spot checks' },
      { slug: 'ji-liang', zh: '计量', en: 'Metrology' },
      { slug: 'te-zhong-she-bei', zh: '特种设备', en: 'Special equipment' },
    ],
  },
  {
    slug: 'hu-dong-jiao-liu',
    zh: '互动交流',
    en: 'Interaction',
    children: [
      { slug: 'ju-zhang-xin-xiang', zh: '局长信箱', en: "Director's mailbox", kind: 'page' },
      { slug: 'zai-xian-zi-xun', zh: '在线咨询', en: 'Online enquiries', kind: 'page' },
    ],
  },
  {
    slug: 'zhuan-ti-zhuan-lan',
    zh: '专题专栏',
    en: 'Special topics',
    children: [
      { slug: 'zhi-liang-yue', zh: '质量月', en: 'Quality Month' },
      { slug: 'zhi-liang-qiang-shi', zh: '质量强市', en: 'Quality city' },
    ],
  },
  {
    slug: 'zheng-fu-xin-xi-gong-kai',
    zh: '政府信息公开',
    en: 'Government information disclosure',
    staff: true,
    children: [
      { slug: 'xin-xi-gong-kai-zhi-nan', zh: '信息公开指南', en: 'Disclosure guide', kind: 'page' },
      { slug: 'xin-xi-gong-kai-zhi-du', zh: '信息公开制度', en: 'Disclosure rules', kind: 'page', purpose: 'rules' },
      { slug: 'xin-xi-gong-kai-mu-lu', zh: '信息公开目录', en: 'Disclosure catalog' },
      { slug: 'xin-xi-gong-kai-nian-bao', zh: '信息公开年报', en: 'Annual reports' },
      { slug: 'yi-shen-qing-gong-kai', zh: '依申请公开', en: 'Disclosure on request', kind: 'page' },
    ],
  },
];
