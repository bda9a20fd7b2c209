/**
 * E-mails the people who must act next after each transition (and the drafter when their item is
 * returned, published or withdrawn), through Strapi's email plugin and whatever provider it is
 * configured with.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { ACTION_LABELS, STATE_LABELS, type WorkflowAction, type WorkflowState } from '../../../shared/domain/workflow';
import type { ColumnStaff } from '../domain/workflow-policy';
import { getService } from '../utils/get-service';
import { displayName } from './actors';
import { rowsOf } from '../utils/query';
import { adminUrl } from '../utils/admin-url';

interface Recipient {
  id: number;
  email: string;
  name: string;
}

export interface TransitionNotice {
  uid: string;
  documentId: string;
  locale: string;
  action: WorkflowAction;
  comment?: string | null;
  title: string;
  state: WorkflowState;
  actor: { id: number; name: string };
  staff: ColumnStaff;
}

const notifications = ({ strapi }: { strapi: Core.Strapi }) => {
  const submitterOf = async (n: TransitionNotice): Promise<Recipient[]> => {
    const last = (await rowsOf(strapi, UID.workflowEvent).findOne({
      where: { targetUid: n.uid, targetDocumentId: n.documentId, targetLocale: n.locale, action: 'submit' },
      populate: { actor: { select: ['id', 'email', 'firstname', 'lastname', 'username', 'isActive'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    })) as {
      actor?: { id: number; email: string; firstname: string | null; lastname: string | null; username: string | null; isActive: boolean } | null;
    } | null;
    const u = last?.actor;
    return u && u.isActive ? [{ id: u.id, email: u.email, name: displayName(u) }] : [];
  };

  const recipients = async (n: TransitionNotice): Promise<Recipient[]> => {
    const actors = getService(strapi, 'actors');
    switch (n.action) {
      case 'submit': {
        const reviewers = await actors.usersWith('approve');
        return n.staff === null ? reviewers : reviewers.filter((u) => n.staff!.reviewers.has(u.id));
      }
      case 'approve':
        return actors.usersWith('publish');
      default:
        return submitterOf(n);
    }
  };

  const itemUrl = (n: TransitionNotice) => adminUrl(strapi, `/content-manager/collection-types/${n.uid}/${n.documentId}?plugins[i18n][locale]=${n.locale}`);

  return {
    async afterTransition(n: TransitionNotice): Promise<number> {
      const to = (await recipients(n)).filter((r) => r.id !== n.actor.id && r.email);
      if (to.length === 0) return 0;
      const action = ACTION_LABELS[n.action];
      const state = STATE_LABELS[n.state];
      const subject = `【${action.zh}】${n.title}`;
      const text = [
        `${n.actor.name} ${action.zh}（${action.en}）：${n.title}`,
        `当前状态 / State: ${state.zh} (${state.en})`,
        ...(n.comment ? [`意见 / Comment: ${n.comment}`] : []),
        '',
        itemUrl(n),
      ].join('\n');
      const email = strapi.plugin('email').service('email') as { send(options: Record<string, unknown>): Promise<unknown> };
      await Promise.all(to.map((r) => email.send({ to: r.email, subject, text })));
      return to.length;
    },
  };
};

export default notifications;
