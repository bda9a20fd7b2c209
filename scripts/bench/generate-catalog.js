'use strict';

/**
 * Bulk-inserts a deterministic catalog of published entries straight into the tables (a draft and
 * a published row per entry, with their organization, subject and column links), in batches inside
 * transactions: minutes, not hours, for hundreds of thousands of rows.
 */
const crypto = require('node:crypto');

const ENTRY = 'plugin::gov-disclosure.catalog-entry';
const GENRES = ['notice', 'announcement', 'circular', 'decision', 'opinion', 'measures', 'report', 'reply', 'letter'];
// A vocabulary the size of a market-regulation bureau's: each word is in a few percent of titles,
// a few (通知, 工作) in most, as on real portals.
const WORDS = [
  '质量',
  '监督',
  '抽查',
  '计量',
  '标准',
  '特种设备',
  '名牌产品',
  '认证',
  '检验',
  '安全',
  '电梯',
  '食品',
  '价格',
  '执法',
  '许可',
  '年度',
  '方案',
  '锅炉',
  '压力容器',
  '起重机械',
  '游乐设施',
  '气瓶',
  '化妆品',
  '药品',
  '医疗器械',
  '广告',
  '商标',
  '专利',
  '知识产权',
  '合同',
  '消费者',
  '投诉',
  '举报',
  '网络交易',
  '直播带货',
  '外卖',
  '餐饮',
  '校园',
  '农贸市场',
  '集贸市场',
  '个体工商户',
  '小微企业',
  '企业年报',
  '信用',
  '经营异常',
  '严重违法',
  '双随机',
  '行政处罚',
  '行政许可',
  '登记注册',
  '营业执照',
  '电子营业执照',
  '市场主体',
  '反垄断',
  '反不正当竞争',
  '公平竞争',
  '审查',
  '价格监测',
  '收费',
  '明码标价',
  '计量器具',
  '加油机',
  '眼镜',
  '定量包装',
  '能效标识',
  '强制性认证',
  '检验检测机构',
  '实验室',
  '标准化',
  '团体标准',
  '企业标准',
  '地方标准',
  '质量提升',
  '品牌',
  '质量奖',
  '缺陷产品',
  '召回',
  '儿童用品',
  '电动自行车',
  '燃气灶具',
  '电线电缆',
  '建材',
  '化肥',
  '农资',
  '种子',
  '野生动物',
  '冷链',
  '进口食品',
  '保健食品',
  '特殊医学用途',
  '婴幼儿配方',
  '学校食堂',
  '食品安全',
  '快检',
  '抽检',
  '不合格',
  '风险监测',
  '应急',
  '演练',
  '培训',
  '宣传周',
  '开放日',
  '人大建议',
  '政协提案',
  '答复',
  '预算',
  '决算',
  '招标',
  '采购',
  '人事',
  '招聘',
  '公示',
  '名单',
  '统计',
];

/** Mulberry32: a small seeded generator, so every run builds the same catalog. */
const prng = (seed) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const joinInfo = (strapi, attribute) => {
  const { joinTable } = strapi.db.metadata.get(ENTRY).attributes[attribute];
  return { table: joinTable.name, entry: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name, order: joinTable.orderColumnName };
};

const generateCatalog = async (strapi, { count, seed = 2018, batchSize = 2000, onProgress = () => {} }) => {
  const knex = strapi.db.connection;
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const table = strapi.db.metadata.get(ENTRY).tableName;

  const org = await knex('gov_disclosure_organizations').where({ slug: 'wzzl', locale: 'zh-Hans' }).first('id', 'code');
  const columns = await knex('gov_disclosure_columns').where({ locale: 'zh-Hans', kind: 'list' }).select('id', 'slug');
  const catalog = columns.find((c) => c.slug === 'xin-xi-gong-kai-mu-lu');
  const subjects = await knex('gov_disclosure_subject_categories').where({ level: 2 }).select('id');
  const links = { columns: joinInfo(strapi, 'columns'), organization: joinInfo(strapi, 'organization'), subjectCategory: joinInfo(strapi, 'subjectCategory') };
  const start = Date.now();
  const year0 = 2008;

  for (let done = 0; done < count; done += batchSize) {
    const n = Math.min(batchSize, count - done);
    // batches run one after another
    await knex.transaction(async (trx) => {
      const rows = [];
      const meta = [];
      for (let i = 0; i < n; i += 1) {
        const k = done + i + 1;
        const year = year0 + Math.floor((k / count) * 18);
        const day = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
        const date = day.toISOString().slice(0, 10);
        const title = `${year}年${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}工作${pick(['通知', '公告', '意见', '办法'])}（第${k}号）`;
        const documentId = crypto.createHash('sha1').update(`bench-${seed}-${k}`).digest('hex').slice(0, 24);
        const column = random() < 0.5 ? catalog : pick(columns);
        const base = {
          document_id: documentId,
          locale: 'zh-Hans',
          title,
          summary: `${title}的内容概述。`,
          body: `## ${title}\n\n${pick(WORDS)}${pick(WORDS)}相关工作安排如下。`,
          keywords: `${pick(WORDS)},${pick(WORDS)}`,
          slug: `bench-${k}`,
          genre: pick(GENRES),
          document_number: `温质监〔${year}〕${k}号`,
          written_date: date,
          published_date: date,
          validity: random() < 0.9 ? 'effective' : 'repealed',
          repealed_date: null,
          disclosure_mode: 'proactive',
          disclosure_scope: 'public',
          disclosure_term: 'long_term',
          document_kind: random() < 0.1 ? 'normative' : 'other',
          channels: JSON.stringify(['website']),
          workflow_state: 'published',
          created_at: day,
          updated_at: day,
        };
        const number = `${org.code}/${year}-${String(k).padStart(6, '0')}`;
        rows.push({ ...base, index_number: number, published_at: null }, { ...base, index_number: number, published_at: day });
        meta.push({ column: column.id, subject: pick(subjects).id });
      }
      const allIds = [];
      // 400 rows × 26 columns stays under SQLite's limit of bound variables per statement
      for (let j = 0; j < rows.length; j += 400) {
        const chunk = rows.slice(j, j + 400);
        const inserted = await trx(table).insert(chunk, ['id']);
        const ids = inserted.map((r) => (typeof r === 'object' ? r.id : r));
        // SQLite returns only the last id of a multi-row insert; its ids are consecutive
        allIds.push(...(ids.length === chunk.length ? ids : chunk.map((_, i) => ids[0] - chunk.length + 1 + i)));
      }
      const link = (info, target) =>
        allIds.map((id, i) => ({ [info.entry]: id, [info.target]: target(Math.floor(i / 2)), ...(info.order ? { [info.order]: 1 } : {}) }));
      for (const [name, target] of [
        ['columns', (i) => meta[i].column],
        ['organization', () => org.id],
        ['subjectCategory', (i) => meta[i].subject],
      ]) {
        const info = links[name];
        const linkRows = link(info, target);
        for (let j = 0; j < linkRows.length; j += 500) {
          await trx(info.table).insert(linkRows.slice(j, j + 500));
        }
      }
    });
    onProgress(done + n, Date.now() - start);
  }
  // the rows went in behind the plugin's back: list them in their columns and the search table
  await strapi.plugin('gov-disclosure').service('column-listings').rebuild();
  await strapi.plugin('gov-disclosure').service('catalog-search').rebuild();
  return { seconds: (Date.now() - start) / 1000 };
};

module.exports = { generateCatalog, prng };
