import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { COLUMN_PURPOSE_LABELS, UID } from '../../../shared/constants';
import type { UpdateStatus } from '../../../shared/domain/column-updates';
import type { InspectedColumn } from '../../../shared/types';
import { usePluginT } from '../utils/use-plugin-t';

const COLORS: Record<UpdateStatus['state'], { background: string; text: string }> = {
  blank: { background: 'danger100', text: 'danger700' },
  lapsed: { background: 'danger100', text: 'danger700' },
  soon: { background: 'warning100', text: 'warning700' },
  ok: { background: 'success100', text: 'success700' },
  'no-rule': { background: 'neutral150', text: 'neutral700' },
};

/** 空白栏目 / 已超期 3 天 / 还剩 2 天 / 正常. */
export const UpdateStatusBadge = ({ status }: { status: UpdateStatus }) => {
  const t = usePluginT();
  const color = COLORS[status.state];
  const days = status.daysLeft === null ? 0 : Math.abs(status.daysLeft);
  return (
    <Badge backgroundColor={color.background} textColor={color.text} data-update-state={status.state}>
      {t(`inspection.state.${status.state}`, { days })}
    </Badge>
  );
};

export const columnLink = (documentId: string) => `/content-manager/collection-types/${UID.column}/${documentId}?plugins[i18n][locale]=zh-Hans`;

/** Columns that need updating: where, what for, the rule, the last publication and the verdict. */
export const ColumnUpdateTable = ({ columns }: { columns: InspectedColumn[] }) => {
  const t = usePluginT();
  const { locale } = useIntl();
  const english = locale.startsWith('en');
  return (
    <Table colCount={5} rowCount={columns.length + 1}>
      <Thead>
        <Tr>
          {['column', 'purpose', 'limit', 'lastPublished', 'state'].map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{t(`inspection.column.${c}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {columns.map((c) => (
          <Tr key={c.documentId} data-testid="inspection-column">
            <Td>
              <Link to={columnLink(c.documentId)}>{c.path}</Link>
            </Td>
            <Td>
              <Typography>{english ? COLUMN_PURPOSE_LABELS[c.purpose].en : COLUMN_PURPOSE_LABELS[c.purpose].zh}</Typography>
            </Td>
            <Td>
              <Typography>{c.status.limitDays === null ? t('inspection.noLimit') : t('inspection.days', { days: c.status.limitDays })}</Typography>
            </Td>
            <Td>
              <Typography>{c.lastPublished ?? t('inspection.never')}</Typography>
            </Td>
            <Td>
              <UpdateStatusBadge status={c.status} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
