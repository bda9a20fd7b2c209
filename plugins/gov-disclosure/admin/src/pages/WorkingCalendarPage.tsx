import { useState } from 'react';
import { Box, Button, Field, Flex, Grid, Modal, Table, Tbody, Td, TextInput, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus, WarningCircle } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/constants';
import { addDays, isDay } from '../../../shared/domain/working-days';
import { REGISTER_PERMISSIONS, useSaveCalendarYear, useWorkingCalendar } from '../utils/applications-api';
import { fieldProblem, problemOf, type ServerProblem } from '../utils/errors';
import { usePluginT } from '../utils/use-plugin-t';
import { usePermissions } from '../utils/use-permissions';

const RANGE = /\s*(?:~|～|至|到|—|–)\s*/g;
const MAX_RANGE_DAYS = 366;

/**
 * The dates typed in: one a line (or separated by commas, 、 or spaces), and a run of days as
 * 2026-10-01~2026-10-08 as the notice states it. What is not a date is passed on as typed, so the
 * server names it.
 */
export const parseDays = (text: string): string[] => {
  const out: string[] = [];
  for (const token of text
    .replace(RANGE, '~')
    .split(/[\s,，、;；]+/)
    .filter(Boolean)) {
    const [from, to, ...rest] = token.split('~');
    if (to !== undefined && rest.length === 0 && isDay(from) && isDay(to) && from <= to) {
      let day = from;
      for (let i = 0; i < MAX_RANGE_DAYS && day <= to; i += 1, day = addDays(day, 1)) out.push(day);
    } else {
      out.push(token);
    }
  }
  return out;
};

/** The year's dates written back as runs (2026-10-01~2026-10-08), one a line. */
export const formatDays = (days: readonly string[]): string => {
  const sorted = [...days].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && addDays(sorted[j], 1) === sorted[j + 1]) j += 1;
    lines.push(i === j ? sorted[i] : `${sorted[i]}~${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
};

interface Editing {
  year: number;
  holidays: string;
  workdays: string;
  isNew: boolean;
}

const YearEditor = ({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: () => void }) => {
  const t = usePluginT();
  const { toggleNotification } = useNotification();
  const save = useSaveCalendarYear();
  const [holidays, setHolidays] = useState(editing.holidays);
  const [workdays, setWorkdays] = useState(editing.workdays);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = { holidays: parseDays(holidays), workdays: parseDays(workdays) };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await save(editing.year, parsed);
      toggleNotification({ type: 'success', message: t('calendar.saved', { year: String(editing.year) }) });
      onSaved();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const list = (key: 'holidays' | 'workdays', value: string, set: (v: string) => void) => (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Field.Root name={key} id={`calendar-${key}`} error={fieldProblem(problem, key)} hint={t(`calendar.${key}.hint`)}>
        <Field.Label>{t(`calendar.${key}`)}</Field.Label>
        <Textarea value={value} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(e.target.value)} rows={14} data-testid={`calendar-${key}`} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Typography variant="pi" textColor="neutral600" paddingTop={1}>
        {t('calendar.count', { count: parsed[key].length })}
      </Typography>
    </Grid.Item>
  );

  const otherProblem = problem && !fieldProblem(problem, 'holidays') && !fieldProblem(problem, 'workdays') ? problem.message : null;

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content data-testid="calendar-editor">
        <Modal.Header closeLabel={t('applications.form.cancel')}>
          <Modal.Title>{t(editing.isNew ? 'calendar.editor.new' : 'calendar.editor.title', { year: String(editing.year) })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography tag="p" textColor="neutral700">
              {t('calendar.editor.help', { year: String(editing.year) })}
            </Typography>
            {otherProblem && (
              <Typography textColor="danger600" role="alert" data-testid="calendar-error">
                {otherProblem}
              </Typography>
            )}
            <Grid.Root gap={4}>
              {list('holidays', holidays, setHolidays)}
              {list('workdays', workdays, setWorkdays)}
            </Grid.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('applications.form.cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy} data-testid="calendar-save">
            {t('calendar.save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** 工作日历: the announced years the statutory deadlines count on, and the office's editor for each. */
export const WorkingCalendarPage = () => {
  const t = usePluginT();
  const { formatDate } = useIntl();
  const { allowedActions } = usePermissions(REGISTER_PERMISSIONS);
  const { result, reload } = useWorkingCalendar();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [newYear, setNewYear] = useState('');

  const years = result.state === 'done' ? result.data : [];
  const thisYear = new Date().getFullYear();
  const missing = result.state === 'done' ? [thisYear, thisYear + 1].filter((y) => !years.some((entry) => entry.year === y)) : [];
  const canEdit = Boolean(allowedActions.canCalendar);

  const open = (year: number) => {
    const entry = years.find((y) => y.year === year);
    setEditing({ year, holidays: formatDays(entry?.holidays ?? []), workdays: formatDays(entry?.workdays ?? []), isNew: !entry });
  };

  return (
    <Page.Main>
      <Page.Title>{t('calendar.title')}</Page.Title>
      <Layouts.Header
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        secondaryAction={<Link to={`/plugins/${PLUGIN_ID}/applications`}>{t('applications.list.title')}</Link>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Typography tag="p">{t('calendar.note.announcement')}</Typography>
            <Typography tag="p" textColor="neutral600" paddingTop={2}>
              {t('calendar.note.missing')}
            </Typography>
          </Box>
          {missing.length > 0 && (
            <Flex gap={2} padding={4} background="warning100" hasRadius alignItems="flex-start" role="status" data-testid="calendar-missing">
              <Box paddingTop={1} aria-hidden>
                <WarningCircle fill="warning600" />
              </Box>
              <Typography textColor="warning700">{t('calendar.missing', { years: missing.join(t('applications.listSeparator')) })}</Typography>
            </Flex>
          )}
          {canEdit && (
            <Flex gap={2} alignItems="flex-end" data-testid="calendar-add">
              <Box maxWidth="12rem">
                <Field.Root name="newYear" id="calendar-new-year">
                  <Field.Label>{t('calendar.add.year')}</Field.Label>
                  <TextInput
                    inputMode="numeric"
                    value={newYear}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNewYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
                    placeholder={String(thisYear + 1)}
                    data-testid="calendar-new-year"
                  />
                </Field.Root>
              </Box>
              <Button
                startIcon={<Plus />}
                variant="secondary"
                onClick={() => open(newYear.length === 4 ? Number(newYear) : thisYear + 1)}
                data-testid="calendar-add-open"
              >
                {t('calendar.add')}
              </Button>
            </Flex>
          )}
          {result.state === 'loading' && <Page.Loading />}
          {result.state === 'error' && (
            <Typography textColor="danger600" role="alert">
              {result.message}
            </Typography>
          )}
          {result.state === 'done' && (
            <Table colCount={canEdit ? 6 : 5} rowCount={years.length + 1} data-testid="calendar-years">
              <Thead>
                <Tr>
                  {['year', 'holidays', 'workdays', 'source', 'updatedAt'].map((c) => (
                    <Th key={c}>
                      <Typography variant="sigma">{t(`calendar.column.${c}`)}</Typography>
                    </Th>
                  ))}
                  {canEdit && (
                    <Th>
                      <Typography variant="sigma">{t('calendar.column.edit')}</Typography>
                    </Th>
                  )}
                </Tr>
              </Thead>
              <Tbody>
                {[...years].reverse().map((y) => (
                  <Tr key={y.year} data-calendar-year={y.year}>
                    <Td>
                      <Typography fontWeight="bold">{t('applications.filter.yearValue', { year: String(y.year) })}</Typography>
                    </Td>
                    <Td>
                      <Typography>{t('calendar.count', { count: y.holidays.length })}</Typography>
                    </Td>
                    <Td>
                      <Typography>{t('calendar.count', { count: y.workdays.length })}</Typography>
                    </Td>
                    <Td>
                      <Typography>{y.source ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatDate(y.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
                    </Td>
                    {canEdit && (
                      <Td>
                        <Button size="S" variant="tertiary" onClick={() => open(y.year)} data-testid="calendar-edit">
                          {t('calendar.edit')}
                        </Button>
                      </Td>
                    )}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
      {editing && (
        <YearEditor
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </Page.Main>
  );
};

export default WorkingCalendarPage;
