import {
  compileWordingRules,
  foldWording,
  STARTER_WORDING_RULES,
  wordingRuleIssues,
  type WordingRule,
} from '../../plugins/gov-disclosure/shared/domain/wording-check';

const check = (phrase: string, suggestion: string | null = null): WordingRule => ({ phrase, severity: 'check', suggestion });
const forbidden = (phrase: string): WordingRule => ({ phrase, severity: 'forbidden' });

/** index, phrase and severity of each finding: the parts the order and the automaton decide. */
const hits = (rules: WordingRule[], fields: Record<string, string | null | undefined>) =>
  compileWordingRules(rules)
    .find(fields)
    .map(({ field, index, phrase, severity }) => [field, index, phrase, severity]);

describe('错敏词检查 (wording check)', () => {
  it('finds every occurrence, overlapping ones included, by offset and longest first', () => {
    const rules = [check('he'), check('she'), check('hers'), check('人民'), check('人民政府'), check('政府')];
    expect(hits(rules, { body: 'ushers 市人民政府 人民' })).toEqual([
      ['body', 1, 'she', 'check'],
      ['body', 2, 'hers', 'check'],
      ['body', 2, 'he', 'check'],
      ['body', 8, '人民政府', 'check'],
      ['body', 8, '人民', 'check'],
      ['body', 10, '政府', 'check'],
      ['body', 13, '人民', 'check'],
    ]);
  });

  it('reports fields in the order given, skipping empty ones', () => {
    const fields = { title: '关于测试测试的通知', summary: null, body: '测试测试', attachment: undefined, note: '' };
    expect(hits([forbidden('测试测试')], fields)).toEqual([
      ['title', 2, '测试测试', 'forbidden'],
      ['body', 0, '测试测试', 'forbidden'],
    ]);
    expect(hits([forbidden('测试测试')], { body: fields.body, title: fields.title }).map(([field]) => field)).toEqual(['body', 'title']);
  });

  it('folds full-width letters and digits and ignores Latin case, with offsets into the original text', () => {
    const text = '各位：ＸＸ局和xx局、Xx局已于２０２４年通知，Lorem Ipsum';
    const findings = compileWordingRules([forbidden('XX局'), check('2024年'), forbidden('lorem ipsum')]).find({ body: text });
    expect(findings.map(({ index, phrase }) => [index, phrase, text.slice(index, index + phrase.length)])).toEqual([
      [3, 'XX局', 'ＸＸ局'],
      [7, 'XX局', 'xx局'],
      [11, 'XX局', 'Xx局'],
      [16, '2024年', '２０２４年'],
      [24, 'lorem ipsum', 'Lorem Ipsum'],
    ]);
    expect(findings[0].excerpt).toBe('各位：ＸＸ局和xx局、Xx局已于');
  });

  it('matches Chinese punctuation exactly: 〔 and ［ are not folded to [', () => {
    expect(foldWording('［２０１８］Ａｂ〔2018〕')).toBe('［2018］ab〔2018〕');
    expect(hits([check('[20')], { body: '温质监［2018］12号 温质监〔2018〕12号' })).toEqual([]);
    expect(hits([check('[20')], { body: '温质监[２０18]12号' })).toEqual([['body', 3, '[20', 'check']]);
  });

  it('keeps the stricter severity when a phrase is listed twice, whichever comes first', () => {
    const strictLast = [check('此处填写'), { ...forbidden('此处填写'), note: '占位' }];
    expect(compileWordingRules(strictLast).find({ body: '此处填写' })).toMatchObject([{ severity: 'forbidden', note: '占位' }]);
    const strictFirst = [{ ...forbidden('ＸＸ局'), note: '占位' }, check('xx局')];
    const matcher = compileWordingRules(strictFirst);
    expect(matcher.size).toBe(1);
    expect(matcher.find({ body: 'XX局' })).toMatchObject([{ phrase: 'ＸＸ局', severity: 'forbidden', note: '占位', suggestion: null }]);
  });

  it('ignores blank phrases and trims the others', () => {
    const matcher = compileWordingRules([check(''), check('   '), check('\t\n'), check(' 办工室 ', '办公室')]);
    expect(matcher.size).toBe(1);
    expect(matcher.find({ body: '县政府办工室' })).toEqual([
      { field: 'body', phrase: '办工室', severity: 'check', suggestion: '办公室', note: null, index: 3, excerpt: '县政府办工室' },
    ]);
  });

  it('finds nothing with an empty dictionary', () => {
    const matcher = compileWordingRules([]);
    expect(matcher.size).toBe(0);
    expect(matcher.find({ title: '测试测试', body: 'lorem ipsum' })).toEqual([]);
  });

  it('cuts the excerpt about ten characters either side, on whitespace and surrogate pairs', () => {
    const body = `${'一二三四五六七八九十'.repeat(3)}办工室${'\n\n'}甲乙丙丁戊己庚辛壬癸子丑`;
    expect(compileWordingRules([check('办工室')]).find({ body })[0].excerpt).toBe('一二三四五六七八九十办工室 甲乙丙丁戊己庚辛');
    const emoji = `😀${'一'.repeat(9)}办工室`;
    expect(compileWordingRules([check('办工室')]).find({ body: emoji })[0].excerpt).toBe(emoji);
  });

  it('handles text outside the Basic Multilingual Plane with UTF-16 offsets', () => {
    const body = '𠀀𠀁办工室';
    expect(hits([check('办工室'), check('𠀁')], { body })).toEqual([
      ['body', 2, '𠀁', 'check'],
      ['body', 4, '办工室', 'check'],
    ]);
  });
});

describe('wordingRuleIssues', () => {
  it('accepts a well-formed rule', () => {
    expect(wordingRuleIssues({ phrase: '办工室', severity: 'check', suggestion: '办公室', note: null })).toEqual([]);
  });

  it.each([
    [{ phrase: '  ', severity: 'check' }, 'phrase', '词语不能为空 (phrase is required)'],
    [{ severity: 'forbidden' }, 'phrase', '词语不能为空 (phrase is required)'],
    [{ phrase: 12, severity: 'check' }, 'phrase', '词语应为文字 (phrase must be a string)'],
    [{ phrase: '字'.repeat(101), severity: 'check' }, 'phrase', '词语不能超过100个字 (phrase is longer than 100 characters)'],
    [{ phrase: '办工室', severity: 'warn' }, 'severity', /^级别应为 forbidden（禁用）或 check（核对） \(severity must be .*not "warn"\)$/],
    [{ phrase: '办工室' }, 'severity', /severity must be "forbidden" or "check", not missing/],
    [{ phrase: '办工室', severity: 'check', suggestion: '字'.repeat(101) }, 'suggestion', '建议用语不能超过100个字 (suggestion is longer than 100 characters)'],
    [{ phrase: '办工室', severity: 'check', note: ['x'] }, 'note', '说明应为文字 (note must be a string)'],
  ])('%j: %s', (rule, field, message) => {
    expect(wordingRuleIssues(rule, ['rules', '3'])).toEqual([
      { path: ['rules', '3', field], message: typeof message === 'string' ? message : expect.stringMatching(message) },
    ]);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(wordingRuleIssues({ phrase: '𠀀'.repeat(100), severity: 'check' })).toEqual([]);
  });

  it('reports every problem of one rule, and a rule that is not an object', () => {
    expect(wordingRuleIssues({ phrase: '', severity: 'x', suggestion: 3 }, 'rule').map((i) => i.path)).toEqual([
      ['rule', 'phrase'],
      ['rule', 'severity'],
      ['rule', 'suggestion'],
    ]);
    expect(wordingRuleIssues('办工室', 'rule')).toEqual([{ path: ['rule'], message: expect.stringMatching(/^词语规则应为对象/) }]);
    expect(wordingRuleIssues(null)).toHaveLength(1);
  });
});

describe('STARTER_WORDING_RULES', () => {
  it('is a valid list of 20–40 rules, each with a note', () => {
    expect(STARTER_WORDING_RULES.length).toBeGreaterThanOrEqual(20);
    expect(STARTER_WORDING_RULES.length).toBeLessThanOrEqual(40);
    expect(STARTER_WORDING_RULES.flatMap((rule, i) => wordingRuleIssues(rule, ['rules', String(i)]))).toEqual([]);
    for (const rule of STARTER_WORDING_RULES) expect(rule.note?.trim()).toBeTruthy();
  });

  it('has no phrase twice, even after folding', () => {
    const keys = STARTER_WORDING_RULES.map((rule) => foldWording(rule.phrase.trim()));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(compileWordingRules(STARTER_WORDING_RULES).size).toBe(STARTER_WORDING_RULES.length);
  });

  it('finds the planted mistakes and leaves correct official text alone', () => {
    const matcher = compileWordingRules(STARTER_WORDING_RULES);
    const planted = matcher.find({ title: '温质监【2018】12号', body: '中华人民共合国 国务院办工厅 竞争性蹉商 此处填写 ＸＸＸ局' });
    expect(planted.map((f) => [f.phrase, f.severity])).toEqual([
      ['【20', 'check'],
      ['中华人民共合国', 'check'],
      ['办工厅', 'check'],
      ['蹉商', 'check'],
      ['此处填写', 'forbidden'],
      ['XX局', 'forbidden'],
    ]);
    const correct =
      '中华人民共和国国务院办公厅 温质监〔2018〕12号 （2018）京01民终1号 一贯切实履行职责 面对严峻工作形势 按排名先后 交通迅速发展 以经济建设为中心 竣工验收 账户';
    expect(matcher.find({ body: correct })).toEqual([]);
  });
});
