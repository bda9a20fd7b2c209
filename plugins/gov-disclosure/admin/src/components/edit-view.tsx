import type { ReactNode } from 'react';
import guides from '../translations/en.json';
import { guidedType } from '../utils/guided-type';
import { FieldGuide } from './FieldGuide';
import { REPORT_TEMPLATE_INPUT, YEAR_INPUT } from './ChoiceInputs';

interface EditField {
  name: string;
  type: string;
  hint?: ReactNode;
  [key: string]: unknown;
}

interface EditLayout {
  layout: EditField[][][];
  options?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Fields a clerk picks from a list rather than types: the input registered for them (index.ts). */
const CHOICE_INPUTS: Record<string, Record<string, string>> = {
  'annual-report': { year: YEAR_INPUT, template: REPORT_TEMPLATE_INPUT },
};

/**
 * Fields with a screen of their own: the report's statistics are filled and checked in the
 * statistics editor (linked from the workflow panel), not as raw JSON.
 */
export const HIDDEN_FIELDS: Record<string, string[]> = { 'annual-report': ['statistics'] };

const GUIDE_KEYS = new Set(Object.keys(guides));

/** The message that explains a field, if the plugin has one (the report's six parts share one). */
export const guideKey = (type: string, field: string): string | null => {
  const key = type === 'annual-report' && /^section[1-6]$/.test(field) ? `fieldGuide.${type}.section` : `fieldGuide.${type}.${field}`;
  return GUIDE_KEYS.has(key) ? key : null;
};

/**
 * Content Manager edit view of the plugin's types: each field explained in the reader's language
 * under it (a description an administrator wrote in "Configure the view" is kept instead), the
 * report's year and form chosen from lists, and its statistics left to their own editor.
 */
export const guideEditFields = <Q,>({ layout, query }: { layout: EditLayout; query: Q }) => {
  const type = guidedType(layout);
  if (!type) return { layout, query };
  const guided = (field: EditField): EditField => {
    if (HIDDEN_FIELDS[type]?.includes(field.name)) return { ...field, visible: false };
    const key = guideKey(type, field.name);
    return {
      ...field,
      hint: field.hint || !key ? field.hint : <FieldGuide id={key} field={field.name} />,
      type: CHOICE_INPUTS[type]?.[field.name] ?? field.type,
    };
  };
  return { query, layout: { ...layout, layout: layout.layout.map((panel) => panel.map((row) => row.map(guided))) } };
};
