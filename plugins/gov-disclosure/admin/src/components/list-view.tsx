import { WORKFLOW_STATES, isWorkflowUid, type WorkflowState } from '../../../shared/domain/workflow';
import { guidedType } from '../utils/guided-type';
import { LocalesCell } from './LocalesCell';
import { ReportTemplateCell, YearCell } from './ChoiceInputs';
import { StateBadge } from './StateBadge';

interface Header {
  name: string;
  cellFormatter?: (data: Record<string, unknown>, header: Header, context: { model: string }) => React.ReactNode;
  [key: string]: unknown;
}

/** List view: the workflow state column renders as the same badge as in the edit view. */
export const formatStateColumn = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) =>
    header.name !== 'workflowState'
      ? header
      : {
          ...header,
          cellFormatter: (data: Record<string, unknown>, h: Header, context: { model: string }) => {
            const state = data.workflowState as WorkflowState | null;
            if (!isWorkflowUid(context.model) || !state || !WORKFLOW_STATES.includes(state)) return String(state ?? '');
            return <StateBadge state={state} />;
          },
        }
  ),
});

/** Report list: the year as a year (the number cell would print "2,018") and the form by its short name. */
export const formatReportColumns = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: { options?: Record<string, unknown> } }) => ({
  layout,
  displayedHeaders:
    guidedType(layout) !== 'annual-report'
      ? displayedHeaders
      : displayedHeaders.map((header) => {
          const Cell = header.name === 'year' ? YearCell : header.name === 'template' ? ReportTemplateCell : null;
          return Cell ? { ...header, cellFormatter: (data: Record<string, unknown>) => <Cell value={data[header.name]} /> } : header;
        }),
});

/**
 * List view: i18n's "available in" column named in the reader's language (see LocalesCell). Runs
 * after i18n's own hook, which adds the column.
 */
export const localesColumnInReadersLanguage = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) =>
    header.name !== 'locales'
      ? header
      : {
          ...header,
          cellFormatter: (data: Record<string, unknown>) => (
            <LocalesCell locale={data.locale as string | null} localizations={data.localizations as Array<{ locale: string }> | null} />
          ),
        }
  ),
});

type Described<P> = ((props: P) => unknown) & { type?: string; position?: unknown };

/** Document actions the chain's types keep: saving and housekeeping, nothing that publishes. */
const KEPT_FOR_WORKFLOW_TYPES = new Set(['update', 'discard', 'clone', 'delete', 'history', 'edit-the-model', 'configure-the-view', 'edit']);

/**
 * For the plugin's types, drop every action that publishes or unpublishes: Strapi's Publish and
 * Unpublish and i18n's "publish multiple locales" (which has no type, hence the allow-list). The
 * server refuses them anyway; the panel's workflow buttons are the only way. Other types keep all.
 */
export const withoutStockPublishing = <P extends { model: string }>(actions: Array<Described<P>>): Array<Described<P>> =>
  actions.map((Action) => {
    if (Action.type && KEPT_FOR_WORKFLOW_TYPES.has(Action.type)) return Action;
    const Guarded: Described<P> = (props: P) => (isWorkflowUid(props.model) ? null : Action(props));
    Guarded.type = Action.type;
    Guarded.position = Action.position;
    return Guarded;
  });
