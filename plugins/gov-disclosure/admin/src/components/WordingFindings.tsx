import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { WordingFinding } from '../../../shared/domain/wording-check';
import { usePluginT } from '../utils/use-plugin-t';

/** Where a word stands, as the form names the field: 见于标题, 见于正文第三部分. */
const whereKey = (field: string): [string, Record<string, string | number>] => {
  const section = /^section(\d)$/.exec(field);
  if (section) return ['wording.field.section', { n: Number(section[1]) }];
  return [['title', 'summary', 'body', 'preface'].includes(field) ? `wording.field.${field}` : 'wording.field.other', { field }];
};

/** 错敏词 in the item's text: forbidden ones first, each with where it stands and the right form. */
export const WordingFindings = ({ findings }: { findings: WordingFinding[] }) => {
  const t = usePluginT();
  const ordered = [...findings.filter((f) => f.severity === 'forbidden'), ...findings.filter((f) => f.severity !== 'forbidden')];
  return (
    <Box paddingTop={1} data-testid="wording-findings">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {t('wording.title')}
      </Typography>
      {ordered.length === 0 ? (
        <Typography variant="pi" tag="p" textColor="neutral500">
          {t('wording.none')}
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={1}>
          {ordered.map((f) => (
            <Box tag="li" key={`${f.field}:${f.index}:${f.phrase}`} data-wording-severity={f.severity}>
              <Flex gap={1} wrap="wrap">
                <Badge
                  backgroundColor={f.severity === 'forbidden' ? 'danger100' : 'warning100'}
                  textColor={f.severity === 'forbidden' ? 'danger700' : 'warning700'}
                >
                  {t(`wording.severity.${f.severity}`)}
                </Badge>
                <Typography variant="pi" fontWeight="bold">
                  「{f.phrase}」
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t(...whereKey(f.field))}
                </Typography>
              </Flex>
              <Typography variant="pi" tag="p" textColor="neutral700">
                …{f.excerpt}…
              </Typography>
              {f.suggestion && (
                <Typography variant="pi" tag="p" textColor="success700">
                  {t('wording.suggestion', { suggestion: f.suggestion })}
                </Typography>
              )}
            </Box>
          ))}
        </Flex>
      )}
    </Box>
  );
};
