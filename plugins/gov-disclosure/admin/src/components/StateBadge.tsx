import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { STATE_LABELS, type WorkflowState } from '../../../shared/domain/workflow';

const COLORS: Record<WorkflowState, { background: string; text: string }> = {
  draft: { background: 'neutral150', text: 'neutral700' },
  pending_review: { background: 'warning100', text: 'warning700' },
  pending_publish: { background: 'primary100', text: 'primary700' },
  published: { background: 'success100', text: 'success700' },
  returned: { background: 'danger100', text: 'danger700' },
  withdrawn: { background: 'neutral200', text: 'neutral800' },
};

export const stateLabel = (state: WorkflowState, locale: string) => (locale.startsWith('zh') ? STATE_LABELS[state].zh : STATE_LABELS[state].en);

export const StateBadge = ({ state }: { state: WorkflowState }) => {
  const { locale } = useIntl();
  const color = COLORS[state] ?? COLORS.draft;
  return (
    <Badge backgroundColor={color.background} textColor={color.text} data-workflow-state={state}>
      {stateLabel(state, locale)}
    </Badge>
  );
};
