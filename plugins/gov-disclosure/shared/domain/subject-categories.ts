/**
 * 主题分类: the national two-level subject list of the 政府信息公开目录.
 * Codes are stable identifiers (two digits per level); names are worded as on the national list.
 * The second level of 市场监管、安全生产监管 is the one given in shared/domain.md; the other second
 * levels follow the national catalog guide and are plain data an agency may extend.
 */
export interface SubjectCategoryNode {
  code: string;
  name: string;
  nameEn: string;
  children?: SubjectCategoryNode[];
}

const leaves = (parent: string, names: Array<[string, string]>): SubjectCategoryNode[] =>
  names.map(([name, nameEn], i) => ({
    code: `${parent}.${String(i + 1).padStart(2, '0')}`,
    name,
    nameEn,
  }));

export const SUBJECT_CATEGORIES: SubjectCategoryNode[] = [
  {
    code: '01',
    name: '国务院组织机构',
    nameEn: 'State Council organization',
    children: leaves('01', [
      ['国务院办公厅', 'General Office'],
      ['国务院组成部门', 'Constituent departments'],
      ['国务院直属机构', 'Directly affiliated agencies'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '02',
    name: '综合政务',
    nameEn: 'General government affairs',
    children: leaves('02', [
      ['应急管理', 'Emergency management'],
      ['电子政务', 'E-government'],
      ['政务督查', 'Government supervision'],
      ['信访', 'Petitions'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '03',
    name: '国民经济管理、国有资产监管',
    nameEn: 'Economic management, state assets',
    children: leaves('03', [
      ['发展规划', 'Development planning'],
      ['宏观经济', 'Macroeconomy'],
      ['经济体制改革', 'Economic reform'],
      ['国有资产监管', 'State-owned assets'],
      ['物价', 'Prices'],
      ['统计', 'Statistics'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '04',
    name: '财政、金融、审计',
    nameEn: 'Finance, banking, audit',
    children: leaves('04', [
      ['财政', 'Public finance'],
      ['金融', 'Banking'],
      ['审计', 'Audit'],
      ['税务', 'Taxation'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '05',
    name: '国土资源、能源',
    nameEn: 'Land resources, energy',
    children: leaves('05', [
      ['土地', 'Land'],
      ['矿产', 'Minerals'],
      ['海洋', 'Oceans'],
      ['测绘', 'Surveying'],
      ['电力', 'Electric power'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '06',
    name: '农业、林业、水利',
    nameEn: 'Agriculture, forestry, water',
    children: leaves('06', [
      ['农业、畜牧业、渔业', 'Agriculture, livestock, fishery'],
      ['林业', 'Forestry'],
      ['水利', 'Water resources'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '07',
    name: '工业、交通',
    nameEn: 'Industry, transport',
    children: leaves('07', [
      ['信息产业（含电信）', 'Information industry'],
      ['公路', 'Roads'],
      ['铁路', 'Railways'],
      ['民航', 'Civil aviation'],
      ['水运', 'Waterways'],
      ['邮政', 'Post'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '08',
    name: '商贸、海关、旅游',
    nameEn: 'Commerce, customs, tourism',
    children: leaves('08', [
      ['国内贸易（含供销）', 'Domestic trade'],
      ['对外经贸合作', 'Foreign trade'],
      ['海关', 'Customs'],
      ['旅游', 'Tourism'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '09',
    name: '市场监管、安全生产监管',
    nameEn: 'Market regulation, work safety',
    children: leaves('09', [
      ['工商', 'Industry and commerce'],
      ['质量监督', 'Quality supervision'],
      ['标准', 'Standards'],
      ['食品药品监管', 'Food and drug regulation'],
      ['安全生产监管', 'Work safety'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '10',
    name: '城乡建设、环境保护',
    nameEn: 'Urban-rural construction, environment',
    children: leaves('10', [
      ['城市规划', 'Urban planning'],
      ['城乡建设（含住房）', 'Construction and housing'],
      ['环境监测、保护与治理', 'Environmental protection'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '11',
    name: '科技、教育',
    nameEn: 'Science, education',
    children: leaves('11', [
      ['科技', 'Science and technology'],
      ['教育', 'Education'],
      ['知识产权', 'Intellectual property'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '12',
    name: '文化、广电、新闻出版',
    nameEn: 'Culture, broadcasting, press',
    children: leaves('12', [
      ['文化', 'Culture'],
      ['广播影视', 'Radio, film and TV'],
      ['新闻出版', 'Press and publishing'],
      ['文物', 'Cultural relics'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '13',
    name: '卫生、体育',
    nameEn: 'Health, sports',
    children: leaves('13', [
      ['卫生', 'Health'],
      ['体育', 'Sports'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '14',
    name: '人口与计划生育、妇女儿童工作',
    nameEn: 'Population, women and children',
    children: leaves('14', [
      ['人口与计划生育', 'Population and family planning'],
      ['妇女儿童', 'Women and children'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '15',
    name: '劳动、人事、监察',
    nameEn: 'Labour, personnel, supervision',
    children: leaves('15', [
      ['劳动就业', 'Employment'],
      ['社会保障', 'Social security'],
      ['人事工作', 'Personnel'],
      ['监察', 'Supervision'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '16',
    name: '公安、安全、司法',
    nameEn: 'Public security, justice',
    children: leaves('16', [
      ['公安', 'Public security'],
      ['国家安全', 'State security'],
      ['司法', 'Justice'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '17',
    name: '民政、扶贫、救灾',
    nameEn: 'Civil affairs, poverty relief, disaster relief',
    children: leaves('17', [
      ['社团管理', 'Social organizations'],
      ['减灾救灾', 'Disaster relief'],
      ['社会福利', 'Social welfare'],
      ['扶贫', 'Poverty alleviation'],
      ['其他', 'Other'],
    ]),
  },
  {
    code: '18',
    name: '民族、宗教',
    nameEn: 'Ethnic and religious affairs',
    children: leaves('18', [
      ['民族事务', 'Ethnic affairs'],
      ['宗教事务', 'Religious affairs'],
      ['其他', 'Other'],
    ]),
  },
  { code: '19', name: '对外事务', nameEn: 'Foreign affairs' },
  { code: '20', name: '港澳台侨工作', nameEn: 'Hong Kong, Macao, Taiwan and overseas Chinese' },
  { code: '21', name: '国防', nameEn: 'National defence' },
  { code: '22', name: '其他', nameEn: 'Other' },
];

/** Flattened list with parent codes, in display order. */
export const flattenSubjectCategories = (): Array<{ code: string; name: string; nameEn: string; parentCode: string | null; level: 1 | 2 }> =>
  SUBJECT_CATEGORIES.flatMap((top) => [
    { code: top.code, name: top.name, nameEn: top.nameEn, parentCode: null, level: 1 as const },
    ...(top.children ?? []).map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, parentCode: top.code, level: 2 as const })),
  ]);
