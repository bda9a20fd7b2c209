import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from './get-translation';

export type Translate = (id: string, values?: Record<string, string | number>) => string;

/** This plugin's messages by their short key; the key itself shows if a translation is missing. */
export const usePluginT = (): Translate => {
  const { formatMessage } = useIntl();
  return useCallback((id, values) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values), [formatMessage]);
};
