import type { ReportTemplate, TemplateColumn, TemplateTable } from './types';
import { sectionsSince2019, table3, table4, tables34Checks } from './since-2019';

/**
 * 中华人民共和国政府信息公开工作年度报告格式（试行） (国办公开办函〔2019〕60号), the format of the
 * 2019 and 2020 reports, kept for re-publishing them. Its table 二 counts items and their change
 * from last year; its table 三's （六）其他处理 is one row. The trial format's own text could not
 * be read in full: the layout follows reports filed in it (上海市人民政府办公厅 2019, whose HTML
 * draws every merged cell), and its labels agree with the other 2019 and 2020 reports seen.
 */

const columns: TemplateColumn[] = [
  { id: 'made', label: '本年新制作数量', labelEn: 'Made this year', unit: '件' },
  { id: 'published', label: '本年新公开数量', labelEn: 'Disclosed this year', unit: '件' },
  { id: 'public', label: '对外公开总数量', labelEn: 'Disclosed in total', unit: '件' },
  { id: 'previous', label: '上一年项目数量', labelEn: 'Items last year', unit: '个' },
  { id: 'change', label: '本年增/减', labelEn: 'Change this year', unit: '个', signed: true },
  { id: 'decisions', label: '处理决定数量', labelEn: 'Decisions', unit: '件' },
  { id: 'projects', label: '采购项目数量', labelEn: 'Procurement projects', unit: '个' },
  // The form gives no unit; reports write it in the cell (251000元, 160.5964万元). Stored in 万元.
  { id: 'amount', label: '采购总金额', labelEn: 'Procurement total', unit: '万元', unitInCell: true },
];

const items = ['previous', 'change', 'decisions'];

const table2: TemplateTable = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  titleEn: 'II. Proactive disclosure',
  corner: { label: '信息内容', labelEn: 'Information' },
  columns,
  rows: [
    { id: 't2.20.1', label: '第二十条第（一）项', labelEn: 'Art. 20 (1)', level: 0, kind: 'block' },
    { id: 't2.20.1.regulation', label: '规章', labelEn: 'Regulations', level: 1, onlyColumns: ['made', 'published', 'public'] },
    { id: 't2.20.1.normative', label: '规范性文件', labelEn: 'Normative documents', level: 1, onlyColumns: ['made', 'published', 'public'] },
    { id: 't2.20.5', label: '第二十条第（五）项', labelEn: 'Art. 20 (5)', level: 0, kind: 'block' },
    { id: 't2.20.5.licensing', label: '行政许可', labelEn: 'Administrative licensing', level: 1, onlyColumns: items },
    { id: 't2.20.5.other', label: '其他对外管理服务事项', labelEn: 'Other external management and services', level: 1, onlyColumns: items },
    { id: 't2.20.6', label: '第二十条第（六）项', labelEn: 'Art. 20 (6)', level: 0, kind: 'block' },
    { id: 't2.20.6.penalty', label: '行政处罚', labelEn: 'Administrative penalties', level: 1, onlyColumns: items },
    { id: 't2.20.6.enforcement', label: '行政强制', labelEn: 'Administrative enforcement', level: 1, onlyColumns: items },
    { id: 't2.20.8', label: '第二十条第（八）项', labelEn: 'Art. 20 (8)', level: 0, kind: 'block' },
    { id: 't2.20.8.fees', label: '行政事业性收费', labelEn: 'Administrative fees', level: 1, onlyColumns: ['previous', 'change'] },
    { id: 't2.20.9', label: '第二十条第（九）项', labelEn: 'Art. 20 (9)', level: 0, kind: 'block' },
    { id: 't2.20.9.procurement', label: '政府集中采购', labelEn: 'Centralised government procurement', level: 1, onlyColumns: ['projects', 'amount'] },
  ],
};

const t3 = table3(false);

export const TEMPLATE_2019: ReportTemplate = {
  id: '2019',
  title: '政府信息公开工作年度报告（2019年试行格式）',
  titleEn: 'Annual report on government information disclosure (2019 trial format)',
  basis: '国办公开办函〔2019〕60号',
  sections: sectionsSince2019('五、政府信息公开工作存在的主要问题及改进情况'),
  tables: [table2, t3, table4],
  checks: tables34Checks(t3),
};
