/**
 * A dozen catalog entries of the kind the seed report describes: quarterly product-quality
 * spot-check notices, a normative document with its policy interpretation, a personnel notice,
 * famous-brand and quality-award notices. Demo content written for this product; the agency's
 * real documents are not reproduced.
 */
export interface SeedEntry {
  slug: string;
  columns: string[];
  subject: string;
  genre: string;
  documentKind?: 'regulation' | 'normative' | 'other';
  documentNumber?: string;
  writtenDate: string;
  publishedDate: string;
  channels: string[];
  interprets?: string;
  zh: { title: string; summary: string; keywords: string; body: string };
  en?: { title: string; summary: string; keywords: string; body: string };
}

const spotCheck = (quarter: 1 | 2 | 3 | 4, written: string, published: string, products: string[]): SeedEntry => {
  const cn = ['一', '二', '三', '四'][quarter - 1];
  return {
    slug: `2018-q${quarter}-chan-pin-zhi-liang-jian-du-chou-cha-gong-gao`,
    columns: ['chan-pin-zhi-liang-jian-du-chou-cha', 'gong-gao'],
    subject: '09.02',
    genre: 'announcement',
    documentNumber: `温质监公告〔2018〕${quarter}号`,
    writtenDate: written,
    publishedDate: published,
    channels: ['website', 'weibo', 'wechat'],
    zh: {
      title: `2018年第${cn}季度温州市产品质量监督抽查公告`,
      summary: `公布2018年第${cn}季度对${products.join('、')}等产品的市级监督抽查结果。`,
      keywords: '产品质量,监督抽查,公告',
      body: [
        `根据《中华人民共和国产品质量法》和《产品质量监督抽查管理办法》，我局于2018年第${cn}季度组织开展了${products.join('、')}等${products.length}类产品的市级监督抽查。`,
        '## 抽查结果',
        [
          '| 产品类别 | 抽查批次 | 合格批次 | 批次合格率 |',
          '| --- | --- | --- | --- |',
          ...products.map((p, i) => `| ${p} | ${20 + i * 5} | ${18 + i * 5} | ${(((18 + i * 5) / (20 + i * 5)) * 100).toFixed(1)}% |`),
        ].join('\n'),
        '## 后续处理',
        '对抽查不合格的产品，我局已责令生产企业限期整改，并依法进行后续处理。不合格产品及企业名单见附件。',
        '特此公告。',
      ].join('\n\n'),
    },
  };
};

export const SEED_ENTRIES: SeedEntry[] = [
  spotCheck(1, '2018-04-10', '2018-04-12', ['电线电缆', '儿童用品', '电动自行车']),
  spotCheck(2, '2018-07-06', '2018-07-09', ['鞋类', '阀门', '食品相关产品']),
  spotCheck(3, '2018-10-11', '2018-10-15', ['家用电器', '建筑用钢筋', '服装']),
  spotCheck(4, '2019-01-08', '2019-01-10', ['低压电器', '眼镜', '汽车配件']),
  {
    slug: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa',
    columns: ['gui-fan-xing-wen-jian', 'ming-pai-chan-pin'],
    subject: '09.02',
    genre: 'notice',
    documentKind: 'normative',
    documentNumber: '温质监〔2018〕12号',
    writtenDate: '2018-03-20',
    publishedDate: '2018-03-26',
    channels: ['gazette', 'website'],
    zh: {
      title: '温州市质量技术监督局关于印发《温州市名牌产品认定管理办法》的通知',
      summary: '规定温州市名牌产品的申报条件、认定程序、申报材料和监督管理。',
      keywords: '名牌产品,认定,管理办法',
      body: [
        '各县（市、区）质量技术监督局，局机关各处室：',
        '现将《温州市名牌产品认定管理办法》印发给你们，请认真贯彻执行。',
        '## 第一章 总则',
        '**第一条** 为推进质量强市建设，规范温州市名牌产品认定工作，制定本办法。',
        '**第二条** 本办法适用于本市行政区域内名牌产品的申报、认定和监督管理。',
        '## 第二章 申报条件',
        '1. 符合国家产业政策，质量水平处于省内同类产品领先地位；',
        '2. 企业建立健全质量管理体系，近三年未发生重大质量事故；',
        '3. 产品近三年在国家、省、市监督抽查中均为合格。',
        '## 第三章 认定程序与申报材料',
        '企业自愿申报，经县级质监部门推荐、专家评审、社会公示后认定。申报材料包括申请表、质量管理体系证明、近三年检验报告等。',
        '本办法自2018年5月1日起施行，有效期五年。',
      ].join('\n\n'),
    },
    en: {
      title: 'Notice on issuing the Measures for Recognising Wenzhou Famous-Brand Products',
      summary: 'Sets the conditions, procedure, materials and supervision for recognising Wenzhou famous-brand products.',
      keywords: 'famous brand, recognition, measures',
      body: 'The Measures for Recognising Wenzhou Famous-Brand Products are issued herewith; please implement them.\n\nThe measures take effect on 1 May 2018 for five years.',
    },
  },
  {
    slug: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa-zheng-ce-jie-du',
    columns: ['zheng-ce-jie-du'],
    subject: '09.02',
    genre: 'interpretation',
    writtenDate: '2018-03-20',
    publishedDate: '2018-03-26',
    channels: ['website', 'wechat'],
    interprets: 'wen-zhou-shi-ming-pai-chan-pin-ren-ding-guan-li-ban-fa',
    zh: {
      title: '《温州市名牌产品认定管理办法》政策解读',
      summary: '解读名牌产品认定管理办法的起草背景、主要内容和申报要点。',
      keywords: '名牌产品,政策解读',
      body: [
        '## 一、起草背景',
        '为贯彻质量强市战略，发挥名牌产品的示范带动作用，我局在总结以往认定工作经验的基础上起草了本办法。',
        '## 二、主要内容',
        '办法共五章，明确了申报条件、认定程序、申报材料、监督管理等内容。',
        '## 三、申报要点',
        '- 申报企业应于每年4月30日前向所在地质监部门提交材料；',
        '- 认定结果经社会公示无异议后公布。',
      ].join('\n\n'),
    },
    en: {
      title: 'Interpretation of the Measures for Recognising Wenzhou Famous-Brand Products',
      summary: 'Explains the background, content and application points of the measures.',
      keywords: 'famous brand, interpretation',
      body: 'The measures have five chapters covering conditions, procedure, materials and supervision.\n\nApplications are due by 30 April each year.',
    },
  },
  {
    slug: '2018-nian-gan-bu-ren-qian-gong-shi',
    columns: ['ren-shi-xin-xi', 'tong-zhi'],
    subject: '15.03',
    genre: 'announcement',
    writtenDate: '2018-06-01',
    publishedDate: '2018-06-01',
    channels: ['website'],
    zh: {
      title: '温州市质量技术监督局干部任前公示',
      summary: '对拟提拔任用的干部进行任前公示，公示期五个工作日。',
      keywords: '人事任免,任前公示',
      body: [
        '根据《党政领导干部选拔任用工作条例》，现将拟任职干部情况予以公示。',
        '公示期间，如对公示对象有异议，可通过来信、来电、来访等方式向局机关党委反映。',
        '公示时间：2018年6月1日至6月7日（五个工作日）。',
      ].join('\n\n'),
    },
  },
  {
    slug: '2018-nian-ming-pai-chan-pin-shen-bao-tong-zhi',
    columns: ['ming-pai-chan-pin', 'tong-zhi'],
    subject: '09.02',
    genre: 'notice',
    documentNumber: '温质监〔2018〕21号',
    writtenDate: '2018-04-02',
    publishedDate: '2018-04-03',
    channels: ['website', 'wechat'],
    zh: {
      title: '关于开展2018年度温州市名牌产品申报工作的通知',
      summary: '部署2018年度名牌产品申报工作，公布申报条件、程序和材料要求。',
      keywords: '名牌产品,申报',
      body: [
        '## 申报条件',
        '按照《温州市名牌产品认定管理办法》第二章执行。',
        '## 申报程序',
        '1. 企业填写申请表并准备材料；',
        '2. 县级质监部门初审推荐；',
        '3. 市局组织专家评审并公示。',
        '## 申报材料',
        '申请表、营业执照复印件、质量管理体系证书、近三年产品检验报告。',
      ].join('\n\n'),
    },
  },
  {
    slug: '2018-nian-du-zheng-fu-zhi-liang-jiang-ping-shen-jie-guo-gong-shi',
    columns: ['zheng-fu-zhi-liang-jiang', 'gong-gao'],
    subject: '09.02',
    genre: 'announcement',
    writtenDate: '2018-11-20',
    publishedDate: '2018-11-21',
    channels: ['website', 'weibo', 'wechat'],
    zh: {
      title: '2018年度温州市政府质量奖评审结果公示',
      summary: '公示2018年度温州市政府质量奖拟获奖组织名单。',
      keywords: '政府质量奖,公示',
      body: '经组织申报、资料评审、现场评审和审定委员会审议，现将2018年度温州市政府质量奖拟获奖组织名单予以公示，公示期七天。',
    },
  },
  {
    slug: '2018-nian-zhi-liang-yue-huo-dong-tong-zhi',
    columns: ['zhi-liang-yue', 'tong-zhi'],
    subject: '09.02',
    genre: 'notice',
    documentNumber: '温质监〔2018〕45号',
    writtenDate: '2018-08-20',
    publishedDate: '2018-08-22',
    channels: ['website'],
    zh: {
      title: '关于开展2018年“质量月”活动的通知',
      summary: '部署2018年全市“质量月”活动。',
      keywords: '质量月,活动',
      body: '今年9月是全国第41个“质量月”。请各单位结合实际，组织开展质量宣传、质量提升和质量服务活动。',
    },
  },
  {
    slug: '2018-min-sheng-ji-liang-zhuan-xiang-jian-cha',
    columns: ['ji-liang', 'tong-zhi'],
    subject: '09.02',
    genre: 'notice',
    writtenDate: '2018-05-10',
    publishedDate: '2018-05-11',
    channels: ['website'],
    zh: {
      title: '关于开展2018年民生计量专项检查的通知',
      summary: '对集贸市场、加油站、眼镜店等民生领域计量器具开展专项检查。',
      keywords: '计量,专项检查',
      body: '重点检查集贸市场电子计价秤、加油站加油机、眼镜制配场所和医疗卫生机构的计量器具。',
    },
  },
  {
    slug: '2018-te-zhong-she-bei-an-quan-jian-cha-gong-zuo',
    columns: ['te-zhong-she-bei', 'tong-zhi'],
    subject: '09.05',
    genre: 'notice',
    writtenDate: '2018-02-26',
    publishedDate: '2018-02-28',
    channels: ['website'],
    zh: {
      title: '关于做好2018年特种设备安全监察工作的通知',
      summary: '部署2018年特种设备安全监察重点工作。',
      keywords: '特种设备,安全监察',
      body: '各单位要以电梯、气瓶、压力管道为重点，深入开展隐患排查治理，确保全年不发生较大以上特种设备事故。',
    },
  },
];
