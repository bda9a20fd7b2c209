import {
  acceptAttribute,
  checkApplicationFile,
  MAX_APPLICATION_FILE_BYTES,
  sanitizeApplicationFileName,
  sniffApplicationFileType,
} from '../../plugins/gov-disclosure/shared/domain/application-files';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('..[Content_Types].xml..word/document.xml..')]);
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('..[Content_Types].xml..xl/workbook.xml..')]);

describe('application files (shared/domain/application-files.ts)', () => {
  it('knows a file by its first bytes, not its name', () => {
    expect(sniffApplicationFileType(PNG)).toBe('png');
    expect(sniffApplicationFileType(PDF)).toBe('pdf');
    expect(sniffApplicationFileType(JPEG)).toBe('jpeg');
    expect(sniffApplicationFileType(DOCX)).toBe('docx');
    expect(sniffApplicationFileType(XLSX)).toBeNull(); // a ZIP package, but not a Word document
    expect(sniffApplicationFileType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffApplicationFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffApplicationFileType(new Uint8Array())).toBeNull();
  });

  it('accepts a type only for its kinds, with a name that says the same, within 5 MB', () => {
    const check = (kind: 'identity' | 'attachment', name: string, bytes: Buffer, size = bytes.length) => checkApplicationFile(kind, { name, size, bytes });
    expect(check('identity', 'card.PNG', PNG)).toEqual({ ok: true, file: { name: 'card.png', mime: 'image/png', type: 'png' } });
    expect(check('identity', 'scan.jpeg', JPEG)).toMatchObject({ ok: true, file: { mime: 'image/jpeg' } });
    expect(check('identity', 'letter.docx', DOCX)).toMatchObject({ ok: false });
    expect(check('attachment', 'letter.docx', DOCX)).toMatchObject({ ok: true, file: { type: 'docx' } });
    expect(check('identity', 'card.pdf', PNG)).toMatchObject({ ok: false, message: expect.stringContaining('不是有效的PDF、JPG、PNG文件') });
    expect(check('identity', 'card', PNG)).toMatchObject({ ok: false });
    expect(check('identity', 'empty.png', Buffer.alloc(0))).toMatchObject({ ok: false, message: expect.stringContaining('空文件') });
    expect(check('attachment', 'big.pdf', PDF, MAX_APPLICATION_FILE_BYTES + 1)).toMatchObject({ ok: false, message: expect.stringContaining('超过5MB') });
    expect(check('attachment', 'max.pdf', PDF, MAX_APPLICATION_FILE_BYTES)).toMatchObject({ ok: true });
  });

  it('cleans names: no folders, control or reserved characters, leading dots; at most 100 characters with the extension', () => {
    expect(sanitizeApplicationFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeApplicationFileName('C:\\Users\\张三\\身份证.JPG', 'jpg')).toBe('身份证.jpg');
    expect(sanitizeApplicationFileName('a\u0000b\u202ecod.exe.pdf', 'pdf')).toBe('abcod.exe.pdf');
    expect(sanitizeApplicationFileName('<script>"x".png', 'png')).toBe('scriptx.png');
    expect(sanitizeApplicationFileName('...hidden', 'pdf')).toBe('hidden.pdf');
    expect(sanitizeApplicationFileName('', 'pdf')).toBe('文件.pdf');
    const long = sanitizeApplicationFileName(`${'长'.repeat(300)}.pdf`, 'pdf');
    expect([...long]).toHaveLength(100);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('offers the browser a hint of the accepted types', () => {
    expect(acceptAttribute('identity')).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png');
    expect(acceptAttribute('attachment')).toContain('.docx');
  });
});
