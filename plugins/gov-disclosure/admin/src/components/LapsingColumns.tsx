/**
 * 待办 for column administrators: their columns that are blank, past their update limit or within
 * 7 days of it, beside the content tasks. Nothing shows when all of theirs are in order.
 */
import { Box, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../../../shared/constants';
import type { MyColumnsResponse } from '../../../shared/types';
import { useFetched } from '../utils/use-fetched';
import { usePluginT } from '../utils/use-plugin-t';
import { ColumnUpdateTable } from './ColumnUpdateParts';

export const LapsingColumns = () => {
  const t = usePluginT();
  const { result } = useFetched(`/${PLUGIN_ID}/inspection/my-columns`, (response: MyColumnsResponse) => response.data);
  if (result.state !== 'done' || result.data.length === 0) return null;
  return (
    <Box paddingTop={8} data-testid="lapsing-columns">
      <Box paddingBottom={3}>
        <Typography variant="delta" tag="h2">
          {t('tasks.columns.title')}
        </Typography>
      </Box>
      <ColumnUpdateTable columns={result.data} />
    </Box>
  );
};
