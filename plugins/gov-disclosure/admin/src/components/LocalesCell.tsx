import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { usePluginT } from '../utils/use-plugin-t';

interface Localized {
  locale?: string | null;
  localizations?: Array<{ locale: string }> | null;
}

let defaultLocale: Promise<string | null> | null = null;

/**
 * The list's "available in" column, in the reader's language: i18n's own cell shows the locales'
 * stored English names and appends a hard-coded " (default)". The languages are named by the
 * browser (Intl.DisplayNames: 简体中文, 英语) and the default marked in words of this plugin.
 */
export const LocalesCell = ({ locale, localizations }: Localized) => {
  const { locale: language } = useIntl();
  const t = usePluginT();
  const { get } = useFetchClient();
  const [fallback, setFallback] = useState<string | null>(null);
  useEffect(() => {
    // one request per page load, shared by every row
    defaultLocale ??= get<Array<{ code: string; isDefault: boolean }>>('/i18n/locales').then(
      (res) => res.data.find((l) => l.isDefault)?.code ?? null,
      () => null
    );
    let live = true;
    void defaultLocale.then((code) => live && setFallback(code));
    return () => {
      live = false;
    };
  }, [get]);
  const codes = [...new Set([locale, ...(localizations ?? []).map((l) => l.locale)].filter((c): c is string => Boolean(c)))];
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const nameOf = (code: string) => {
    const name = names.of(code) ?? code;
    return code === fallback ? t('list.locales.default', { name }) : name;
  };
  return (
    <Typography textColor="neutral800" ellipsis>
      {codes.map(nameOf).join(t('list.locales.separator'))}
    </Typography>
  );
};
