import { isValidElement, type ReactElement } from 'react';
import { Flex, Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

type DocumentStatus = 'draft' | 'published' | 'modified';

interface LocaleOptionProps {
  isDraftAndPublishEnabled?: boolean;
  locale: { name: string };
  status?: DocumentStatus;
  entryExists: boolean;
}

const VARIANT = { draft: 'secondary', published: 'success', modified: 'alternative' } as const;

/**
 * i18n's locale picker prints each locale's status as the raw English word ("Draft"), not
 * through a message: the same option, with the content manager's own translated status.
 */
const TranslatedLocaleOption = ({ original, ...props }: LocaleOptionProps & { original: ReactElement }) => {
  const { formatMessage } = useIntl();
  if (!props.entryExists || !props.isDraftAndPublishEnabled || !props.status || !(props.status in VARIANT)) return original;
  return (
    <Flex width="100%" gap={1} justifyContent="space-between">
      <Typography>{props.locale.name}</Typography>
      <Status display="flex" paddingLeft="6px" paddingRight="6px" paddingTop="2px" paddingBottom="2px" size="S" variant={VARIANT[props.status]}>
        <Typography tag="span" variant="pi" fontWeight="bold">
          {formatMessage({ id: `content-manager.containers.List.${props.status}`, defaultMessage: props.status })}
        </Typography>
      </Status>
    </Flex>
  );
};

const isLocaleOption = (label: unknown): label is ReactElement<LocaleOptionProps> =>
  isValidElement(label) && typeof label.props === 'object' && label.props !== null && 'locale' in label.props && 'entryExists' in label.props;

interface Option {
  label?: unknown;
  [key: string]: unknown;
}
type HeaderAction<P> = ((props: P) => { options?: Option[] } | null | undefined) & { type?: string; position?: unknown };

/**
 * Header actions of the edit view: the locale picker's options get translated statuses. The
 * picker is known by its options (a locale and whether its entry exists), as i18n does not name it.
 */
export const withTranslatedLocaleStatus = <P,>(actions: Array<HeaderAction<P>>): Array<HeaderAction<P>> =>
  actions.map((Action) => {
    const Translated: HeaderAction<P> = (props: P) => {
      const described = Action(props);
      if (!described || !Array.isArray(described.options)) return described;
      return {
        ...described,
        options: described.options.map((option) =>
          isLocaleOption(option.label) ? { ...option, label: <TranslatedLocaleOption {...option.label.props} original={option.label} /> } : option
        ),
      };
    };
    Translated.type = Action.type;
    Translated.position = Action.position;
    return Translated;
  });
