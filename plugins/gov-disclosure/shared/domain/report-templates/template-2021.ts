import type { ReportTemplate, TemplateColumn, TemplateTable } from './types';
import { RETIRED_GROUP_CELLS, sectionsSince2019, table3, table4, tables34Checks } from './since-2019';

/**
 * 政府信息公开工作年度报告格式 (国办公开办函〔2021〕30号), used from the 2021 reports on.
 * Table 二 is four blocks, one per item of regulation art. 20, each with its own columns.
 */

const columns: TemplateColumn[] = [
  { id: 'issued', label: '本年制发件数', labelEn: 'Issued this year', unit: '件' },
  { id: 'repealed', label: '本年废止件数', labelEn: 'Repealed this year', unit: '件' },
  { id: 'valid', label: '现行有效件数', labelEn: 'Currently in force', unit: '件' },
  { id: 'decisions', label: '本年处理决定数量', labelEn: 'Decisions this year', unit: '件' },
  { id: 'amount', label: '本年收费金额（单位：万元）', labelEn: 'Fees collected (10,000 yuan)', unit: '万元' },
];

const table2: TemplateTable = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  titleEn: 'II. Proactive disclosure',
  corner: { label: '信息内容', labelEn: 'Information' },
  columns,
  rows: [
    { id: 't2.20.1', label: '第二十条第（一）项', labelEn: 'Art. 20 (1)', level: 0, kind: 'block' },
    { id: 't2.20.1.regulation', label: '规章', labelEn: 'Regulations', level: 1, onlyColumns: ['issued', 'repealed', 'valid'] },
    { id: 't2.20.1.normative', label: '行政规范性文件', labelEn: 'Normative documents', level: 1, onlyColumns: ['issued', 'repealed', 'valid'] },
    { id: 't2.20.5', label: '第二十条第（五）项', labelEn: 'Art. 20 (5)', level: 0, kind: 'block' },
    { id: 't2.20.5.licensing', label: '行政许可', labelEn: 'Administrative licensing', level: 1, onlyColumns: ['decisions'] },
    { id: 't2.20.6', label: '第二十条第（六）项', labelEn: 'Art. 20 (6)', level: 0, kind: 'block' },
    { id: 't2.20.6.penalty', label: '行政处罚', labelEn: 'Administrative penalties', level: 1, onlyColumns: ['decisions'] },
    { id: 't2.20.6.enforcement', label: '行政强制', labelEn: 'Administrative enforcement', level: 1, onlyColumns: ['decisions'] },
    { id: 't2.20.8', label: '第二十条第（八）项', labelEn: 'Art. 20 (8)', level: 0, kind: 'block' },
    { id: 't2.20.8.fees', label: '行政事业性收费', labelEn: 'Administrative fees', level: 1, onlyColumns: ['amount'] },
  ],
};

const t3 = table3(true);

export const TEMPLATE_2021: ReportTemplate = {
  id: '2021',
  title: '政府信息公开工作年度报告（2021年格式）',
  titleEn: 'Annual report on government information disclosure (2021 format)',
  basis: '国办公开办函〔2021〕30号',
  sections: sectionsSince2019('五、存在的主要问题及改进情况'),
  tables: [table2, t3, table4],
  checks: tables34Checks(t3),
  retiredCells: RETIRED_GROUP_CELLS,
};
