import type { Action } from './policy.ts';

/**
 * Who may use each route of the web application, by SvelteKit route id. The server enforces it
 * for every request before the route runs (src/lib/server/guard.ts), and tests/access/routes.test.ts
 * fails when a route, a form action or an endpoint method has no rule here.
 *
 * An access is 'public' or a policy action; a panel action takes its panel from the route's
 * `[panel]` parameter. Use cases check their own action again, with the exact resource.
 */
export type RouteAccess = 'public' | Action;

export interface RouteRule {
  /** Reading: the page and its load, or the endpoint's GET. */
  view?: RouteAccess;
  /** The page's form actions by name ('default' for the unnamed one). */
  actions?: Record<string, RouteAccess>;
  /** An endpoint's other methods. */
  methods?: Partial<Record<'POST' | 'PUT' | 'PATCH' | 'DELETE', RouteAccess>>;
}

export const routeRules: Record<string, RouteRule> = {
  '/': { view: 'public' },
  '/healthz': { view: 'public' },
  '/api/v1/status': { view: 'public' },
  '/api/v1/figures': { view: 'public' },
  '/api/v1/unusual': { view: 'public' },
  '/api/v1/openapi.json': { view: 'public' },

  '/auth/sign-in': { view: 'public', actions: { default: 'account.sign-in' } },
  '/auth/sign-out': { view: 'account.sign-out', actions: { default: 'account.sign-out' } },
  '/auth/forgotten': { view: 'public', actions: { default: 'account.reset-password' } },
  '/auth/reset/[token]': { view: 'account.reset-password', actions: { default: 'account.reset-password' } },
  '/auth/invitation/[token]': { view: 'invitation.accept', actions: { create: 'invitation.accept', join: 'invitation.accept' } },

  '/admin': { view: 'installation.manage', actions: { createPanel: 'panel.create', invite: 'installation.manage', inviteAdmin: 'admin.invite' } },
  '/admin/mail': { view: 'mail.view', actions: { retry: 'notification.send' } },

  '/w': { view: 'workspace.list' },
  '/w/[panel]': { view: 'panel.view', actions: { invite: 'member.invite', revoke: 'invitation.revoke' } },
  '/w/[panel]/members/[member]': { view: 'member.manage', actions: { role: 'member.manage', remove: 'member.manage' } },
  '/w/[panel]/questions': { view: 'question.list', actions: { draft: 'question.draft' } },
  '/w/[panel]/questions/[question]': {
    view: 'question.view',
    actions: {
      edit: 'question.edit',
      send: 'question.send',
      acknowledge: 'question.acknowledge',
      clarify: 'question.clarify',
      extend: 'question.extend',
      answer: 'question.answer',
      assess: 'question.assess',
      close: 'question.close',
      escalate: 'question.escalate',
      publish: 'question.publish'
    }
  },

  '/w/[panel]/actions': { view: 'action.list', actions: { create: 'action.create' } },
  '/w/[panel]/actions/[action]': { view: 'action.list', actions: { edit: 'action.edit' } },
  '/w/[panel]/extract': { view: 'source.extract', actions: { suggest: 'source.extract', review: 'source.extract', save: 'case.edit' } },

  // Reviews of sampled encounters. A sample is seen by members and by the police respondent it was
  // sent to (policy 'addressee'): the route lets the panel's people in, the use case checks the sample.
  '/w/[panel]/reviews': { view: 'sample.list', actions: { draw: 'sample.draw' } },
  '/w/[panel]/reviews/[sample]': { view: 'panel.view', actions: { assign: 'sample.assign', send: 'sample.assign', respond: 'panel.view' } },
  '/w/[panel]/reviews/[sample]/references.csv': { view: 'panel.view' },
  '/w/[panel]/reviews/[sample]/references.pdf': { view: 'panel.view' },
  '/w/[panel]/reviews/[sample]/print': { view: 'panel.view' },
  '/w/[panel]/reviews/[sample]/[encounter]': { view: 'review.record', actions: { save: 'review.record' } },
  '/w/[panel]/reviews/[sample]/results': { view: 'review.results', actions: { publish: 'review.publish' } },

  // Community impact assessments and the panel's reviews of them.
  '/w/[panel]/cia': { view: 'cia.list', actions: { record: 'cia.record' } },
  '/w/[panel]/cia/[cia]': { view: 'cia.list', actions: { publish: 'cia.publish' } },
  '/w/[panel]/cia/[cia]/document': { view: 'cia.list' },
  '/w/[panel]/cia/[cia]/review': { view: 'cia.review', actions: { save: 'cia.review' } },
  '/w/[panel]/cia/[cia]/question': { view: 'cia.raise-question', actions: { raise: 'cia.raise-question' } },
  // The section 60 register: the panel's people read it (police respondents too), clerks and chairs record.
  '/w/[panel]/section60': { view: 'section60.list', actions: { record: 'section60.record', publish: 'section60.publish' } },
  '/w/[panel]/section60/[id]': { view: 'section60.list', actions: { extend: 'section60.record', notice: 'section60.record' } },
  '/w/[panel]/section60/[id]/searches.csv': { view: 'section60.list' },

  '/w/[panel]/meetings': { view: 'meeting.list', actions: { schedule: 'meeting.schedule', quorum: 'meeting.quorum-rule' } },
  '/w/[panel]/meetings/[meeting]': {
    view: 'meeting.list',
    actions: {
      edit: 'meeting.edit',
      cancel: 'meeting.cancel',
      addItem: 'agenda.edit',
      editItem: 'agenda.edit',
      moveItem: 'agenda.edit',
      removeItem: 'agenda.edit',
      mattersArising: 'agenda.matters-arising',
      attendance: 'attendance.record',
      guest: 'attendance.record',
      removeGuest: 'attendance.record',
      declare: 'declaration.record',
      withdraw: 'declaration.record'
    }
  },
  '/w/[panel]/meetings/[meeting]/minutes': { view: 'meeting.list', actions: { save: 'minutes.draft', approve: 'minutes.approve', publish: 'minutes.publish' } },

  '/w/[panel]/cases': { view: 'case.list', actions: { create: 'case.create' } },
  '/w/[panel]/cases/[case]': { view: 'case.list' },
  '/w/[panel]/cases/[case]/record': {
    view: 'case.edit',
    actions: {
      incident: 'case.edit',
      place: 'case.edit',
      source: 'case.edit',
      claim: 'case.edit',
      decide: 'case.edit',
      relate: 'case.edit',
      event: 'case.edit',
      referral: 'case.edit',
      updateReferral: 'case.edit',
      outcome: 'case.edit',
      link: 'case.link-question'
    }
  },
  // The archived copy of a source; the use case also keeps a witness account's copy from members.
  '/w/[panel]/cases/[case]/sources/[source]': { view: 'case.list' },
  // Evidence: members read the list, tags and redacted copies; evidenceFile and openEvidence check the original's rule again.
  '/w/[panel]/cases/[case]/evidence': { view: 'case.list', actions: { upload: 'evidence.upload' } },
  '/w/[panel]/cases/[case]/evidence/export': { methods: { POST: 'evidence.export' } },
  '/w/[panel]/cases/[case]/evidence/[item]': { view: 'case.list', actions: { tags: 'evidence.upload', redact: 'evidence.upload', redactedCopy: 'evidence.upload' } },
  '/w/[panel]/cases/[case]/evidence/[item]/original': { view: 'evidence.view-original' },
  '/w/[panel]/cases/[case]/evidence/[item]/redacted/[redaction]': { view: 'case.list' },
  '/w/[panel]/cases/[case]/publish': { view: 'case.publish', actions: { preview: 'case.publish', publish: 'case.publish' } },

  // The police respondent's inbox: the use cases check that each question is addressed to them.
  '/police': { view: 'police.inbox' },
  '/police/[question]': { view: 'police.inbox', actions: { acknowledge: 'police.inbox', clarification: 'police.inbox', answer: 'police.inbox' } }
};

/**
 * Areas whose every page is public to read: the public portal of each borough. Form actions and
 * other methods there still need a rule of their own.
 */
export const publicAreas = ['/b'] as const;

/**
 * Areas whose +layout.server.ts throws `locals.denied` (throwDenial in src/lib/server/guard.ts), so a refused page shows
 * the site's error page with its status. Elsewhere a refused page gets a plain-text answer.
 */
export const guardedAreas = ['/admin', '/auth', '/w', '/police'] as const;

export const hasGuardLayout = (routeId: string | null) =>
  routeId !== null && guardedAreas.some((area) => routeId === area || routeId.startsWith(area + '/'));

/** The rule of a route id, or null when there is none (the request is then refused). */
export function ruleForRoute(routeId: string): RouteRule | null {
  const own = routeRules[routeId];
  if (own) return own;
  if (publicAreas.some((area) => routeId === area || routeId.startsWith(area + '/'))) return { view: 'public' };
  return null;
}
