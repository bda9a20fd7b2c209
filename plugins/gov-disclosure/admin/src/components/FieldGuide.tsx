import { useField } from '@strapi/strapi/admin';
import { REPORT_TEMPLATES } from '../../../shared/domain/report-templates';
import { usePluginT } from '../utils/use-plugin-t';
import { useIntl } from 'react-intl';

/** A report part is named as the chosen form names it (the 2008 form's parts differ from 2021's). */
const useSectionTitle = (field: string): string => {
  const { locale } = useIntl();
  const template = useField<string>('template').value;
  const section = REPORT_TEMPLATES[template ?? '']?.sections.find((s) => s.field === field);
  if (!section) return '';
  return locale.startsWith('en') ? section.titleEn : section.title;
};

/** The explanation under a field of the plugin's content types (see edit-view.tsx). */
export const FieldGuide = ({ id, field }: { id: string; field: string }) => {
  const t = usePluginT();
  const title = useSectionTitle(field);
  return <>{t(id, { title })}</>;
};
