/**
 * 文号 (document number), e.g. 温质监〔2018〕12号: issuer abbreviation, the year in 六角括号 〔〕,
 * a serial, then 号. Clerks often type the year's brackets as [ ] 【】 ( ) （ ） ［ ］; those are
 * normalized to 〔〕 before the shape is checked.
 */
const YEAR_IN_BRACKETS = /[[【(（［〔]\s*(\d{4})\s*[\]】)）］〕]/;

export const normalizeDocumentNumber = (raw: string): string => raw.trim().replace(/\s+/g, '').replace(YEAR_IN_BRACKETS, '〔$1〕');

/** Issuer (at least one character that is not a bracket), 〔year〕, serial (digits, may start with 第), 号. */
const SHAPE = /^[^〔〕[\]【】()（）]+〔(19|20)\d{2}〕第?\d{1,6}号$/;

export const documentNumberProblem = (normalized: string): string | null =>
  SHAPE.test(normalized) ? null : `文号 "${normalized}" should look like 温质监〔2018〕12号: issuer, the year in 〔〕, the serial number, then 号`;
