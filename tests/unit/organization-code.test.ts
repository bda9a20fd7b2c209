import {
  checkCreditCode,
  checkIssuerCode,
  checkOrganizationCode,
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
} from '../../plugins/gov-disclosure/shared/domain/organization-code';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    '11620622013933539B', // seen on a national portal (shared/domain.md)
    '91350100M000100Y43', // a widely published example code
    '11330300002579909B', // the demo agency's placeholder
  ])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ valid: true, kind: 'credit-code', code });
  });

  it('computes the check character of the first 17 characters', () => {
    expect(creditCodeCheckCharacter('11620622013933539')).toBe('B');
  });

  it('reports a wrong check character with the expected one', () => {
    expect(checkCreditCode('11620622013933539A')).toEqual({ valid: false, reason: 'check-digit', expected: 'B' });
  });

  it.each([
    ['1162062201393353B', 'length'],
    ['11620622013933539BB', 'length'],
    ['1162062201393353IB', 'characters'], // I is never used
    ['1162062201393353OB', 'characters'],
    ['11620622013933539Z', 'characters'],
  ])('rejects %s (%s)', (code, reason) => {
    expect(checkCreditCode(code)).toMatchObject({ valid: false, reason });
  });

  it('is case-insensitive and trims', () => {
    expect(checkCreditCode(' 11620622013933539b ')).toMatchObject({ valid: true });
  });
});

describe('组织机构代码 (GB 11714)', () => {
  it('accepts the national example 000014349', () => {
    expect(checkOrganizationCode('000014349')).toEqual({ valid: true, kind: 'organization-code', code: '000014349' });
  });

  it('accepts the hyphenated form', () => {
    expect(checkOrganizationCode('00001434-9')).toMatchObject({ valid: true });
  });

  it('uses X for a remainder of 10 and 0 for 11', () => {
    const withX = Array.from({ length: 10000 }, (_, i) => String(i).padStart(8, '0')).find((b) => organizationCodeCheckCharacter(b) === 'X');
    expect(withX).toBeDefined();
    expect(checkOrganizationCode(`${withX}X`)).toMatchObject({ valid: true });
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
  });

  it('rejects a wrong check character', () => {
    expect(checkOrganizationCode('000014348')).toEqual({ valid: false, reason: 'check-digit', expected: '9' });
  });
});

describe('checkIssuerCode', () => {
  it('picks the standard by length', () => {
    expect(checkIssuerCode('000014349')).toMatchObject({ kind: 'organization-code' });
    expect(checkIssuerCode('11620622013933539B')).toMatchObject({ kind: 'credit-code' });
    expect(checkIssuerCode('12345')).toEqual({ valid: false, reason: 'length' });
  });
});
