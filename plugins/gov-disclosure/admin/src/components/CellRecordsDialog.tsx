import { useEffect, useState } from 'react';
import { Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { DEFAULT_LOCALE, PLUGIN_ID, UID } from '../../../shared/constants';
import type { CellRecordsResponse } from '../../../shared/types';
import { downloadFile } from '../utils/download';
import { errorMessage } from '../utils/errors';
import type { Translate } from '../utils/use-plugin-t';

interface Props {
  documentId: string;
  locale: string;
  cell: string;
  onClose: () => void;
  t: Translate;
}

const PAGE_SIZE = 20;

type Counted = Extract<CellRecordsResponse['data'], { source: 'catalog' | 'register' | 'appeals' }>;
const cellStyle = { padding: 4 } as const;
const nowrap = { padding: 4, whiteSpace: 'nowrap' } as const;

/** The records behind the number: catalog entries, applications for disclosure (never the applicant), or appeal cases. */
const RecordsTable = ({ data, t, onOpen, entryLink }: { data: Counted; t: Translate; onOpen: () => void; entryLink: (id: string) => string }) => {
  const caseLink = (id: string) => `/plugins/${PLUGIN_ID}/applications/${id}`;
  const [headings, rows] =
    data.source === 'catalog'
      ? [
          ['indexNumber', 'entryTitle', 'publishedDate', 'countedAs'],
          data.entries.map((e, i) => (
            <tr key={`${e.documentId}-${i}`} data-record={e.documentId}>
              <td style={nowrap}>{e.indexNumber ?? '—'}</td>
              <td style={cellStyle}>
                <Link to={entryLink(e.documentId)}>{e.title}</Link>
              </td>
              <td style={nowrap}>{e.publishedDate ?? '—'}</td>
              <td style={cellStyle}>{e.countedAs}</td>
            </tr>
          )),
        ]
      : data.source === 'register'
        ? [
            ['trackingNumber', 'receivedOn', 'decidedOn', 'countedAs'],
            data.applications.map((a, i) => (
              <tr key={`${a.documentId}-${i}`} data-record={a.documentId}>
                <td style={nowrap}>
                  <Link to={caseLink(a.documentId)} onClick={onOpen}>
                    {a.trackingNumber}
                  </Link>
                </td>
                <td style={nowrap}>{a.receivedOn ?? '—'}</td>
                <td style={nowrap}>{a.decidedOn ?? '—'}</td>
                <td style={cellStyle}>{a.countedAs}</td>
              </tr>
            )),
          ]
        : [
            ['caseNumber', 'filedOn', 'decidedOn', 'countedAs'],
            data.appeals.map((c, i) => (
              <tr key={`${c.documentId}-${i}`} data-record={c.documentId}>
                <td style={nowrap}>
                  {c.applicationDocumentId ? (
                    <Link to={caseLink(c.applicationDocumentId)} onClick={onOpen}>
                      {c.caseNumber ?? '—'}
                    </Link>
                  ) : (
                    (c.caseNumber ?? '—')
                  )}
                </td>
                <td style={nowrap}>{c.filedOn ?? '—'}</td>
                <td style={nowrap}>{c.decidedOn ?? '—'}</td>
                <td style={cellStyle}>{c.countedAs}</td>
              </tr>
            )),
          ];
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {headings.map((k) => (
            <th key={k} scope="col" style={{ textAlign: 'left', borderBottom: '1px solid #c0c0cf', padding: 4 }}>
              {t(`report.records.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
};

/** What a computed cell's number is made of: the catalog entries or applications it counted (with links), or last year's cell. */
export const CellRecordsDialog = ({ documentId, locale, cell, onClose, t }: Props) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<CellRecordsResponse['data'] | null>(null);
  const url = `/${PLUGIN_ID}/annual-reports/${documentId}/cells/${encodeURIComponent(cell)}/records`;

  useEffect(() => {
    let live = true;
    setData(null);
    get<CellRecordsResponse>(url, { params: { locale, page: String(page), pageSize: String(PAGE_SIZE) } })
      .then((res) => live && setData(res.data.data))
      .catch((error: unknown) => {
        if (!live) return;
        toggleNotification({ type: 'danger', message: errorMessage(error) });
        onClose();
      });
    return () => {
      live = false;
    };
  }, [get, url, locale, page, toggleNotification, onClose]);

  // the catalog is counted in its default locale
  const entryLink = (id: string) => `/content-manager/collection-types/${UID.catalogEntry}/${id}?plugins[i18n][locale]=${DEFAULT_LOCALE}`;

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content data-testid="cell-records">
        <Modal.Header>
          <Modal.Title>{data ? t('report.records.title', { label: data.label }) : t('report.records.loading')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {!data && <Loader small>{t('report.records.loading')}</Loader>}
          {data?.source === 'none' && <Typography>{data.message}</Typography>}
          {data?.source === 'previous-report' && (
            <Typography tag="p" data-testid="cell-records-previous">
              {data.report
                ? t('report.records.previous', { year: data.report.year, cell: data.report.cellLabel, value: data.value ?? '—' })
                : t('report.records.noPrevious')}
              {data.report && (
                <>
                  {' '}
                  <Link to={`/plugins/${PLUGIN_ID}/reports/${data.report.documentId}?locale=${locale}`} onClick={onClose}>
                    {data.report.title}
                  </Link>
                </>
              )}
            </Typography>
          )}
          {data && (data.source === 'catalog' || data.source === 'register' || data.source === 'appeals') && (
            <>
              <Typography tag="p" data-testid="cell-records-count">
                {t('report.records.count', { value: data.value })}
              </Typography>
              <Box paddingTop={2}>
                <RecordsTable data={data} t={t} onOpen={onClose} entryLink={entryLink} />
              </Box>
              {data.pagination.total > PAGE_SIZE && (
                <Flex gap={2} paddingTop={3} alignItems="center">
                  <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {t('report.records.previousPage')}
                  </Button>
                  <Typography>{t('report.records.page', { page, pages: Math.ceil(data.pagination.total / PAGE_SIZE) })}</Typography>
                  <Button variant="tertiary" size="S" disabled={page * PAGE_SIZE >= data.pagination.total} onClick={() => setPage(page + 1)}>
                    {t('report.records.nextPage')}
                  </Button>
                </Flex>
              )}
            </>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('report.records.close')}</Button>
          </Modal.Close>
          {data?.source === 'catalog' && (
            <Button
              variant="secondary"
              data-testid="cell-records-csv"
              onClick={() =>
                downloadFile(get, url, { locale, format: 'csv' }, `${cell}-records.csv`).catch((error: unknown) =>
                  toggleNotification({ type: 'danger', message: errorMessage(error) })
                )
              }
            >
              {t('report.records.csv')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
