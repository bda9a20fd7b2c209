import type { ReactNode } from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { REPORT_TEMPLATES } from '../../../shared/domain/report-templates';
import { usePluginT } from '../utils/use-plugin-t';

/** Field types the plugin registers with the admin panel (index.ts) for the edit-view hook to use. */
export const YEAR_INPUT = 'gov-disclosure-year';
export const REPORT_TEMPLATE_INPUT = 'gov-disclosure-report-template';

interface InputProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  labelAction?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  attribute: { min?: number; max?: number };
}

interface Choice {
  value: string;
  label: string;
}

/** A select in the Content Manager's own form: value, errors and hint as its inputs have them. */
const ChoiceField = ({
  name,
  label,
  hint,
  labelAction,
  required,
  disabled,
  choices,
  toValue,
}: InputProps & { choices: Choice[]; toValue: (v: string) => string | number }) => {
  const field = useField<string | number | null>(name);
  const { formatMessage } = useIntl();
  const current = field.value === null || field.value === undefined ? '' : String(field.value);
  // a stored value the list does not offer (an older year, say) stays visible and selectable
  const all = current && !choices.some((c) => c.value === current) ? [{ value: current, label: current }, ...choices] : choices;
  return (
    <Field.Root name={name} error={field.error} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <SingleSelect
        value={current}
        disabled={disabled}
        placeholder={formatMessage({ id: 'components.InputSelect.option.placeholder', defaultMessage: 'Choose here' })}
        onChange={(value: string | number) => field.onChange(name, value === '' ? null : toValue(String(value)))}
      >
        {all.map((c) => (
          <SingleSelectOption key={c.value} value={c.value}>
            {c.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** A report's year, newest first: "2025年", not the number input's "2,025". */
export const YearInput = (props: InputProps) => {
  const t = usePluginT();
  const first = props.attribute.min ?? 2008;
  const last = Math.min(props.attribute.max ?? 2100, new Date().getFullYear());
  const choices = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(last - i)).map((y) => ({
    value: y,
    label: t('fieldChoice.year', { year: y }),
  }));
  return <ChoiceField {...props} choices={choices} toValue={Number} />;
};

/** The report form, by its title and the notice that set it. */
export const ReportTemplateInput = (props: InputProps) => {
  const { locale } = useIntl();
  const english = locale.startsWith('en');
  const choices = Object.values(REPORT_TEMPLATES)
    .sort((a, b) => b.id.localeCompare(a.id))
    .map((template) => ({ value: template.id, label: `${english ? template.titleEn : template.title} · ${template.basis}` }));
  return <ChoiceField {...props} choices={choices} toValue={String} />;
};

/** List cells (list-view.tsx): the same names as the selects, short. */
export const YearCell = ({ value }: { value: unknown }) => {
  const t = usePluginT();
  return <>{value === null || value === undefined ? '' : t('fieldChoice.year', { year: String(value) })}</>;
};

export const ReportTemplateCell = ({ value }: { value: unknown }) => {
  const t = usePluginT();
  return <>{value ? t('fieldChoice.template', { id: String(value) }) : ''}</>;
};
