import type { PanelRole } from '../db/schema.ts';

/**
 * Who may do what: the one table the whole application's access follows. A use case names its
 * action in requireAccess; a route names one in routes.ts. To add a feature, add its actions here
 * (tests/access/policy.test.ts pins the resulting matrix, so the change shows in review).
 *
 * - `public`: anyone, signed in or not.
 * - `signedIn`: anyone signed in (what they then see is limited by the use case, e.g. their own panels).
 * - `admin`: installation admins (and the CLI), whatever the panel.
 * - `roles`: roles within the resource's panel. `'addressee'` allows the role only for an item
 *   addressed to the person (a police respondent sees only what is addressed to them).
 *
 * Panel actions are scoped: the resource names its panel, and someone outside that panel is told
 * "not found" (404), never "forbidden", so nobody learns what another panel holds.
 */
export interface Rule {
  scope: 'installation' | 'panel';
  public?: true;
  signedIn?: true;
  admin?: true;
  roles?: Partial<Record<PanelRole, true | 'addressee'>>;
  /** One line for docs/workspace.md and the matrix test. */
  what: string;
}

const panelPeople = { member: true, clerk: true, chair: true, police: true } as const;
const panelMembers = { member: true, clerk: true, chair: true } as const;
const officers = { clerk: true, chair: true } as const;

export const policy = {
  // The installation
  'installation.manage': { scope: 'installation', admin: true, what: 'open the admin page' },
  'panel.create': { scope: 'installation', admin: true, what: 'create a panel for a borough' },
  'panel.list': { scope: 'installation', admin: true, what: 'list every panel of the installation' },
  'admin.invite': { scope: 'installation', admin: true, what: 'invite another installation admin' },
  'audit.verify': { scope: 'installation', admin: true, what: 'check the audit log hash chain' },

  // Accounts
  'account.sign-in': { scope: 'installation', public: true, what: 'sign in with email and password' },
  'account.sign-out': { scope: 'installation', signedIn: true, what: 'sign out' },
  'invitation.accept': { scope: 'installation', public: true, what: 'accept an invitation (the link is the permission)' },
  'workspace.list': { scope: 'installation', signedIn: true, what: 'list the panels one belongs to' },

  // One panel
  'panel.view': { scope: 'panel', roles: panelPeople, what: "open the panel's workspace" },
  'member.list': { scope: 'panel', admin: true, roles: panelMembers, what: "see the panel's members and their roles" },
  'member.invite': { scope: 'panel', admin: true, roles: officers, what: 'invite someone to the panel in a role' },
  'invitation.list': { scope: 'panel', admin: true, roles: officers, what: "see the panel's pending invitations" },
  'invitation.revoke': { scope: 'panel', admin: true, roles: officers, what: 'withdraw a pending invitation' },
  'audit.read-panel': { scope: 'panel', roles: officers, what: "read the panel's own audit trail" },

  // Questions to the police (src/core/questions). The police respondent reaches theirs through /police.
  'police.inbox': { scope: 'installation', signedIn: true, what: 'list the questions addressed to oneself (police respondents)' },
  'question.list': { scope: 'panel', roles: panelMembers, what: "list the panel's questions to the police" },
  'question.view': { scope: 'panel', roles: { ...panelMembers, police: 'addressee' }, what: 'read a question, its answer and its history' },
  'question.draft': { scope: 'panel', roles: panelMembers, what: 'draft a question, from a figure or not' },
  'question.send': { scope: 'panel', roles: officers, what: 'send a drafted question to a police respondent' },
  'question.acknowledge': { scope: 'panel', roles: { ...officers, police: 'addressee' }, what: 'acknowledge receipt of a question' },
  'question.request-clarification': { scope: 'panel', roles: { police: 'addressee' }, what: "ask the panel to clarify a question (pauses the clock)" },
  'question.clarify': { scope: 'panel', roles: officers, what: 'answer a request for clarification (restarts the clock)' },
  'question.extend': { scope: 'panel', roles: officers, what: 'agree an extension of the due date, with its reason' },
  'question.answer': { scope: 'panel', roles: { ...officers, police: 'addressee' }, what: "answer a question (or record the police's answer)" },
  'question.assess': { scope: 'panel', roles: officers, what: 'assess an answer: satisfactory, partly, unsatisfactory' },
  'question.close': { scope: 'panel', roles: officers, what: 'close an assessed question' },
  'question.escalate': { scope: 'panel', roles: officers, what: 'escalate to the commander, MOPAC or the IOPC' },
  'question.publish': { scope: 'panel', roles: officers, what: 'publish a question to the public tracker' },
  // Actions (src/core/actions)
  'action.list': { scope: 'panel', roles: panelMembers, what: "list the panel's actions" },
  'action.create': { scope: 'panel', roles: officers, what: 'record an action with its owner, due date and status' },
  'action.edit': { scope: 'panel', roles: officers, what: "change an action's owner, due date, status or links" },
  // Case files (src/core/cases). Police respondents see nothing of them.
  'case.list': { scope: 'panel', roles: panelMembers, what: "read the panel's case files: incidents, sources, claims, referrals" },
  'case.create': { scope: 'panel', roles: officers, what: 'open a case file for an incident' },
  'case.edit': { scope: 'panel', roles: officers, what: 'record places, events, sources, claims, decisions, referrals and outcomes' },
  'case.link-question': { scope: 'panel', roles: panelMembers, what: 'raise a question to the police from a case (link it to the case)' },
  'case.witness-identity': { scope: 'panel', roles: officers, what: 'see who gave a witness account' },

  'tracker.view': { scope: 'installation', public: true, what: "read a borough's public question tracker" }
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;

export const actions = Object.keys(policy) as Action[];

export const ruleFor = (action: Action): Rule => policy[action];
