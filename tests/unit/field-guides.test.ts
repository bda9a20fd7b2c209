import { isValidElement } from 'react';
import en from '../../plugins/gov-disclosure/admin/src/translations/en.json';
import zh from '../../plugins/gov-disclosure/admin/src/translations/zh-Hans.json';
import annualReport from '../../plugins/gov-disclosure/server/src/content-types/annual-report/schema.json';
import catalogEntry from '../../plugins/gov-disclosure/server/src/content-types/catalog-entry/schema.json';
import column from '../../plugins/gov-disclosure/server/src/content-types/column/schema.json';
import organization from '../../plugins/gov-disclosure/server/src/content-types/organization/schema.json';
import wordingRule from '../../plugins/gov-disclosure/server/src/content-types/wording-rule/schema.json';
import { startOfDayIn } from '../../plugins/gov-disclosure/shared/domain/calendar-day';
import { guideEditFields, guideKey, HIDDEN_FIELDS } from '../../plugins/gov-disclosure/admin/src/components/edit-view';

// The hook is a pure layout transform; the components it places render in the browser test
// (chinese-admin.test.ts). Here they are stand-ins so the transform runs without the admin panel.
jest.mock('../../plugins/gov-disclosure/admin/src/components/FieldGuide', () => ({ FieldGuide: () => null }));
jest.mock('../../plugins/gov-disclosure/admin/src/components/ChoiceInputs', () => ({
  YEAR_INPUT: 'gov-disclosure-year',
  REPORT_TEMPLATE_INPUT: 'gov-disclosure-report-template',
}));

const SCHEMAS = { 'catalog-entry': catalogEntry, column, organization, 'annual-report': annualReport, 'wording-rule': wordingRule } as Record<
  string,
  { pluginOptions: Record<string, unknown>; attributes: Record<string, { private?: boolean }> }
>;
/** Not shown in the edit view: the state moves only through the workflow panel. */
const UNSHOWN = new Set(['workflowState']);

describe('field guides (Content Manager edit view)', () => {
  it('every field a clerk edits in the plugin’s types is explained, in Chinese and English, and no guide names a missing field', () => {
    const guided = new Set<string>();
    for (const [type, schema] of Object.entries(SCHEMAS)) {
      expect(schema.pluginOptions['gov-disclosure']).toEqual({ fieldGuide: type });
      for (const [field, attribute] of Object.entries(schema.attributes)) {
        if (attribute.private || UNSHOWN.has(field) || HIDDEN_FIELDS[type]?.includes(field)) continue;
        const key = guideKey(type, field);
        expect([type, field, key]).toEqual([type, field, expect.stringMatching(/^fieldGuide\./)]);
        guided.add(key!);
        expect((zh as Record<string, string>)[key!]).toMatch(/[\u4e00-\u9fff]/);
        expect((en as Record<string, string>)[key!]).toMatch(/[a-z]/);
      }
    }
    const written = Object.keys(en).filter((k) => k.startsWith('fieldGuide.'));
    expect(written.filter((k) => !guided.has(k))).toEqual([]);
  });

  const field = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'string', hint: '', ...extra });
  const layoutOf = (type: string | null, fields: Array<ReturnType<typeof field>>) => ({
    layout: [[fields]],
    options: type ? { draftAndPublish: true, 'gov-disclosure': { fieldGuide: type } } : { draftAndPublish: true },
  });

  it('leaves every other content type exactly as it was', () => {
    const layout = layoutOf(null, [field('year', { type: 'integer' }), field('title')]);
    expect(guideEditFields({ layout, query: {} }).layout).toBe(layout);
  });

  it('gives the report year and form their selects and each field its guide, keeping a description an administrator wrote', () => {
    const layout = layoutOf('annual-report', [
      field('year', { type: 'integer' }),
      field('template'),
      field('title', { hint: 'our own wording' }),
      field('section3', { type: 'richtext' }),
      field('statistics', { type: 'json' }),
    ]);
    const [year, template, title, section, statistics] = guideEditFields({ layout, query: {} }).layout.layout[0][0];
    expect(statistics.visible).toBe(false);
    expect([year.type, template.type, title.type, section.type]).toEqual(['gov-disclosure-year', 'gov-disclosure-report-template', 'string', 'richtext']);
    expect(isValidElement(year.hint) && (year.hint.props as { id: string }).id).toBe('fieldGuide.annual-report.year');
    expect(isValidElement(section.hint) && (section.hint.props as { id: string }).id).toBe('fieldGuide.annual-report.section');
    expect(title.hint).toBe('our own wording');
  });

  it('a catalog entry keeps its inputs; only its guides are added', () => {
    const out = guideEditFields({ layout: layoutOf('catalog-entry', [field('indexNumber'), field('year', { type: 'integer' })]), query: {} }).layout
      .layout[0][0];
    expect(out.map((f: { type: string }) => f.type)).toEqual(['string', 'integer']);
    expect(isValidElement(out[0].hint)).toBe(true);
    expect(out[1].hint).toBe(''); // no such field in the type: nothing to explain
  });
});

describe('startOfDayIn', () => {
  it('is the instant the day begins on the agency’s clock', () => {
    expect(startOfDayIn('Asia/Shanghai', '2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(startOfDayIn('UTC', '2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfDayIn('America/New_York', '2026-07-01').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(startOfDayIn('America/New_York', '2026-01-01').toISOString()).toBe('2026-01-01T05:00:00.000Z');
  });
});
