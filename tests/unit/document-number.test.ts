import { documentNumberProblem, normalizeDocumentNumber } from '../../plugins/gov-disclosure/shared/domain/document-number';

describe('文号', () => {
  it.each([
    ['温质监〔2018〕12号', '温质监〔2018〕12号'],
    ['温质监[2018]12号', '温质监〔2018〕12号'],
    ['温质监【2018】12号', '温质监〔2018〕12号'],
    ['温质监(2018)12号', '温质监〔2018〕12号'],
    ['温质监（2018）12号', '温质监〔2018〕12号'],
    ['温质监［2018］12号', '温质监〔2018〕12号'],
    [' 温质监 〔 2018 〕 12号 ', '温质监〔2018〕12号'],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号'],
    ['温质监公告〔2018〕第4号', '温质监公告〔2018〕第4号'],
  ])('%s → %s, well formed', (raw, normalized) => {
    expect(normalizeDocumentNumber(raw)).toBe(normalized);
    expect(documentNumberProblem(normalized)).toBeNull();
  });

  it.each(['〔2018〕12号', '温质监2018年12号', '温质监〔18〕12号', '温质监〔2018〕号', '温质监〔2018〕12'])(
    'refuses %s with a message naming the expected shape',
    (raw) => {
      expect(documentNumberProblem(normalizeDocumentNumber(raw))).toMatch(/should look like 温质监〔2018〕12号/);
    }
  );
});
