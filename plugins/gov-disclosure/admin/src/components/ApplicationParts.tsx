/** Pieces the register's pages share: the state badge, the deadline with its working days, the calendar warning. */
import { useCallback, type ReactNode } from 'react';
import { Badge, Box, Flex, Grid, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ApplicationView } from '../../../shared/application-types';
import { APPLICATION_STATE_LABELS, type ApplicationState } from '../../../shared/domain/disclosure-application';
import { usePluginT } from '../utils/use-plugin-t';

/** The Chinese or English wording of a shared label table, by the admin's language. */
/** What was asked for, as a list shows it: one line, the first 40 characters (not UTF-16 units) and an ellipsis. */
export const shortDescription = (text: string, chars = 40) => {
  const all = [...text.replace(/\s+/g, ' ').trim()];
  return all.length > chars ? `${all.slice(0, chars).join('')}…` : all.join('');
};

export const useDomainLabel = () => {
  const { locale } = useIntl();
  const zh = locale.startsWith('zh');
  return useCallback((label: { zh: string; en: string }) => (zh ? label.zh : label.en), [zh]);
};

const STATE_COLORS: Record<ApplicationState, { background: string; text: string }> = {
  received: { background: 'primary100', text: 'primary700' },
  amendment_requested: { background: 'warning100', text: 'warning700' },
  consulting: { background: 'secondary100', text: 'secondary700' },
  fee_notified: { background: 'alternative100', text: 'alternative700' },
  answered: { background: 'success100', text: 'success700' },
  concluded: { background: 'neutral150', text: 'neutral700' },
};

export const ApplicationStateBadge = ({ state }: { state: ApplicationState }) => {
  const label = useDomainLabel();
  const color = STATE_COLORS[state] ?? STATE_COLORS.received;
  return (
    <Badge backgroundColor={color.background} textColor={color.text} data-application-state={state}>
      {label(APPLICATION_STATE_LABELS[state])}
    </Badge>
  );
};

/** Years the deadline crossed with no calendar entered: the due date is Monday–Friday arithmetic there. */
export const CalendarWarning = ({ years }: { years: number[] }) => {
  const t = usePluginT();
  if (years.length === 0) return null;
  return (
    <Flex gap={1} alignItems="flex-start" data-testid="calendar-warning">
      <Box paddingTop={1} aria-hidden>
        <WarningCircle fill="warning600" width="1.2rem" height="1.2rem" />
      </Box>
      <Typography variant="pi" textColor="warning700">
        {t('applications.calendarWarning', { years: years.join(t('applications.listSeparator')) })}
      </Typography>
    </Flex>
  );
};

/**
 * 答复期限 and where the case stands against it: working days left, overdue by N, paused, or
 * decided (on time or late), with the calendar warning beneath.
 */
export const DeadlineInfo = ({ application, inline = false }: { application: ApplicationView; inline?: boolean }) => {
  const t = usePluginT();
  const { dueOn, workingDaysLeft, paused, decidedOn, onTime, calendarWarnings } = application;
  let status: ReactNode = null;
  if (decidedOn) {
    status = (
      <Typography variant="pi" textColor={onTime === false ? 'danger600' : 'success600'} data-deadline="decided">
        {t(onTime === false ? 'applications.deadline.decidedLate' : 'applications.deadline.decided', { day: decidedOn })}
      </Typography>
    );
  } else if (paused) {
    status = (
      <Typography variant="pi" textColor="warning700" fontWeight="bold" data-deadline="paused">
        {t('applications.deadline.paused')}
      </Typography>
    );
  } else if (workingDaysLeft !== null && workingDaysLeft < 0) {
    status = (
      <Typography variant="pi" textColor="danger600" fontWeight="bold" data-deadline="overdue">
        {t('applications.deadline.overdue', { days: -workingDaysLeft })}
      </Typography>
    );
  } else if (workingDaysLeft === 0) {
    status = (
      <Typography variant="pi" textColor="danger600" fontWeight="bold" data-deadline="today">
        {t('applications.deadline.today')}
      </Typography>
    );
  } else if (workingDaysLeft !== null) {
    status = (
      <Typography variant="pi" textColor={workingDaysLeft <= 5 ? 'warning700' : 'neutral600'} data-deadline="left">
        {t('applications.deadline.left', { days: workingDaysLeft })}
      </Typography>
    );
  }
  return (
    <Flex direction={inline ? 'row' : 'column'} alignItems={inline ? 'center' : 'flex-start'} gap={inline ? 2 : 1} wrap="wrap">
      <Typography fontWeight={inline ? 'bold' : undefined}>{inline ? t('applications.case.dueOn', { day: dueOn ?? '—' }) : (dueOn ?? '—')}</Typography>
      {status}
      <CalendarWarning years={calendarWarnings} />
    </Flex>
  );
};

/** A labelled fact of the case; empty values show a dash. */
export const Fact = ({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) => (
  <Grid.Item col={wide ? 12 : 4} s={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography tag="dt" variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Box tag="dd" style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children === null || children === undefined || children === '' ? (
        <Typography textColor="neutral500">—</Typography>
      ) : typeof children === 'string' || typeof children === 'number' ? (
        <Typography>{children}</Typography>
      ) : (
        children
      )}
    </Box>
  </Grid.Item>
);

export const Facts = ({ children }: { children: ReactNode }) => (
  <Grid.Root tag="dl" gap={4} style={{ margin: 0 }}>
    {children}
  </Grid.Root>
);

/** A titled white box, as the other pages of the plugin lay out their sections. */
export const Section = ({ title, testId, children, action }: { title: string; testId?: string; children: ReactNode; action?: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid={testId}>
    <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {action}
    </Flex>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);
