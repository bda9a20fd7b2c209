/**
 * The approval chain's decisions, as a table over plain facts (no Strapi): who may take which
 * action in which state, who may edit and see. The integration matrix checks the same through
 * every door; this checks the rules themselves in milliseconds.
 */
import { canTransition, WORKFLOW_ACTIONS, WORKFLOW_STATES, type WorkflowAction } from '../../plugins/gov-disclosure/shared/domain/workflow';
import {
  decideTransition,
  editRefusal,
  mayEdit,
  mayView,
  type ColumnStaff,
  type WorkflowActor,
} from '../../plugins/gov-disclosure/server/src/domain/workflow-policy';

const actor = (id: number, actions: WorkflowAction[], extra: Partial<WorkflowActor> = {}): WorkflowActor => ({
  id,
  isSuperAdmin: false,
  actions: new Set(actions),
  compilesReports: false,
  ...extra,
});

const DRAFTER = actor(1, ['submit']);
const REVIEWER = actor(2, ['approve', 'return']);
const PUBLISHER = actor(3, ['submit', 'return', 'publish', 'withdraw'], { compilesReports: true });
const OUTSIDER = actor(4, ['submit']); // a drafter of other columns
const SUPER = actor(9, [], { isSuperAdmin: true });
const STAFF: ColumnStaff = { administrators: new Set([1]), reviewers: new Set([2]) };

const decide = (
  who: WorkflowActor,
  action: WorkflowAction,
  state: (typeof WORKFLOW_STATES)[number],
  staff: ColumnStaff = STAFF,
  lastSubmitterId: number | null = null
) => decideTransition({ actor: who, action, state, staff, lastSubmitterId, separationOfDuties: true });

describe('decideTransition', () => {
  it('each party takes its own step in its own columns', () => {
    expect(decide(DRAFTER, 'submit', 'draft')).toEqual({ ok: true });
    expect(decide(REVIEWER, 'approve', 'pending_review', STAFF, 1)).toEqual({ ok: true });
    expect(decide(REVIEWER, 'return', 'pending_review')).toEqual({ ok: true });
    expect(decide(PUBLISHER, 'publish', 'pending_publish')).toEqual({ ok: true });
    expect(decide(PUBLISHER, 'withdraw', 'published')).toEqual({ ok: true });
  });

  it('403 for a permission the role lacks, or a column the actor does not hold', () => {
    expect(decide(DRAFTER, 'publish', 'pending_publish')).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('may not publish') });
    expect(decide(OUTSIDER, 'submit', 'draft')).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('administrator of one of its columns'),
    });
    expect(decide(REVIEWER, 'return', 'pending_publish')).toMatchObject({ ok: false, status: 403 });
  });

  it('409 for a step the state does not allow, for everyone including the super admin', () => {
    for (const action of WORKFLOW_ACTIONS) {
      for (const state of WORKFLOW_STATES) {
        const ok = decide(SUPER, action, state).ok;
        expect({ action, state, ok }).toEqual({ action, state, ok: canTransition(state, action) });
        if (!ok) expect(decide(SUPER, action, state)).toMatchObject({ status: 409 });
      }
    }
  });

  it('separation of duties: a reviewer does not approve the revision they submitted', () => {
    const both = actor(2, ['submit', 'approve']);
    expect(decide(both, 'approve', 'pending_review', STAFF, 2)).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('another reviewer') });
    expect(decideTransition({ actor: both, action: 'approve', state: 'pending_review', staff: STAFF, lastSubmitterId: 2, separationOfDuties: false })).toEqual({
      ok: true,
    });
  });

  it('annual reports (no columns): the office drafts and submits, any reviewer approves', () => {
    expect(decide(PUBLISHER, 'submit', 'draft', null)).toEqual({ ok: true });
    expect(decide(DRAFTER, 'submit', 'draft', null)).toMatchObject({ ok: false, status: 403 });
    expect(decide(REVIEWER, 'approve', 'pending_review', null)).toEqual({ ok: true });
  });
});

describe('mayEdit and mayView', () => {
  it('only the party whose turn it is edits', () => {
    expect(mayEdit(DRAFTER, 'draft', STAFF)).toBe(true);
    expect(mayEdit(DRAFTER, 'pending_review', STAFF)).toBe(false);
    expect(mayEdit(REVIEWER, 'pending_review', STAFF)).toBe(true);
    expect(mayEdit(PUBLISHER, 'pending_publish', STAFF)).toBe(true);
    expect(mayEdit(OUTSIDER, 'draft', STAFF)).toBe(false);
    expect(mayEdit(SUPER, 'pending_publish', STAFF)).toBe(true);
    expect(editRefusal('pending_review')).toContain('待审核');
  });

  it('drafters and reviewers see their columns; the office sees everything', () => {
    expect(mayView(DRAFTER, STAFF)).toBe(true);
    expect(mayView(OUTSIDER, STAFF)).toBe(false);
    expect(mayView(PUBLISHER, STAFF)).toBe(true);
    expect(mayView(OUTSIDER, null)).toBe(true); // reports have no column scope
  });
});
