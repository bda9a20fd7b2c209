import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Notice } from '../../../shared/domain/reply-notices';

// 公文: 仿宋 for the body, 小标宋 (here 宋体 bold) for the title; Word substitutes what is installed
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: 'FangSong', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };

const run = (text: string, options: { bold?: boolean; size?: number; title?: boolean } = {}) =>
  new TextRun({ text, font: options.title ? TITLE_FONT : BODY_FONT, bold: options.bold, size: options.size ?? 32 });

/** A letter to the applicant as the office prints and sends it: title, reference, salutation, body, signature, date. */
export const noticeDocx = async (notice: Notice): Promise<Buffer> => {
  const doc = new Document({
    creator: notice.signature,
    title: notice.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        properties: {},
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(notice.title, { bold: true, size: 40, title: true })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [run(notice.reference, { size: 28 })] }),
          new Paragraph({ children: [run(notice.salutation)] }),
          ...notice.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(p)] })),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(notice.signature)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(notice.date)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
};
