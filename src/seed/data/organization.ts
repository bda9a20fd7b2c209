/**
 * The seed agency. Its real 统一社会信用代码 is not in the seed document, so this one is a
 * placeholder built to the standard (登记管理部门 1, 机关 1, 温州市 330300, a made-up
 * 组织机构代码 with a valid GB 11714 check character, and a valid GB 32100 check character);
 * codeIsPlaceholder marks it so nobody mistakes it for the agency's own.
 */
export const SEED_ORGANIZATION = {
  code: '11330300002579909B',
  codeIsPlaceholder: true,
  slug: 'wzzl',
  // the footer's sponsor and contact as the seed report gives them (its preface: 电话 0577-88907791);
  // the site's record numbers are not in it and are left for the agency to fill in
  zh: { name: '温州市质量技术监督局', shortName: '温州市质监局', sponsor: '温州市质量技术监督局', contact: '电话：0577-88907791；传真：0577-88907790' },
  en: {
    name: 'Wenzhou Municipal Bureau of Quality and Technical Supervision',
    shortName: 'Wenzhou QTS Bureau',
    sponsor: 'Wenzhou Municipal Bureau of Quality and Technical Supervision',
    contact: 'Tel. 0577-88907791; fax 0577-88907790',
  },
};
