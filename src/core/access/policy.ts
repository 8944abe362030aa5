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
  'mail.view': { scope: 'installation', admin: true, what: "read the outbox of notifications (everyone's mail)" },
  'notification.send': { scope: 'installation', admin: true, what: 'run the due-date sweep and deliver the outbox' },

  // Accounts
  'account.sign-in': { scope: 'installation', public: true, what: 'sign in with email and password' },
  'account.sign-out': { scope: 'installation', signedIn: true, what: 'sign out' },
  'invitation.accept': { scope: 'installation', public: true, what: 'accept an invitation (the link is the permission)' },
  'account.reset-password': { scope: 'installation', public: true, what: 'ask for a password reset link, and use it (the link is the permission)' },
  'workspace.list': { scope: 'installation', signedIn: true, what: 'list the panels one belongs to' },

  // One panel
  'panel.view': { scope: 'panel', roles: panelPeople, what: "open the panel's workspace" },
  'member.list': { scope: 'panel', admin: true, roles: panelMembers, what: "see the panel's members and their roles" },
  'member.invite': { scope: 'panel', admin: true, roles: officers, what: 'invite someone to the panel in a role' },
  'member.manage': { scope: 'panel', roles: officers, what: "change someone's role on the panel, or take them off it (never one's own)" },
  'invitation.list': { scope: 'panel', admin: true, roles: officers, what: "see the panel's pending invitations" },
  'invitation.revoke': { scope: 'panel', admin: true, roles: officers, what: 'withdraw a pending invitation' },
  'audit.read-panel': { scope: 'panel', roles: officers, what: "read the panel's own audit trail" },

  // Questions to the police (src/core/questions). The police respondent reaches theirs through /police.
  'police.inbox': { scope: 'installation', signedIn: true, what: 'list the questions addressed to oneself (police respondents)' },
  'question.list': { scope: 'panel', roles: panelMembers, what: "list the panel's questions to the police" },
  'question.view': { scope: 'panel', roles: { ...panelMembers, police: 'addressee' }, what: 'read a question, its answer and its history' },
  'question.draft': { scope: 'panel', roles: panelMembers, what: 'draft a question, from a figure or not' },
  'question.edit': { scope: 'panel', roles: officers, what: 'change the title, text or figure of a question still in draft' },
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
  // Case files (src/core/extract): suggestions from a source's text, for the clerk to accept, edit or reject
  'source.extract': { scope: 'panel', roles: officers, what: 'paste a source and see suggested quotes, quantities, dates and places' },
  // Case files (src/core/cases). Police respondents see nothing of them.
  'case.list': { scope: 'panel', roles: panelMembers, what: "read the panel's case files: incidents, sources, claims, referrals" },
  'case.create': { scope: 'panel', roles: officers, what: 'open a case file for an incident' },
  'case.edit': { scope: 'panel', roles: officers, what: 'record places, events, sources, claims, decisions, referrals and outcomes' },
  'case.link-question': { scope: 'panel', roles: panelMembers, what: 'raise a question to the police from a case (link it to the case)' },
  'case.witness-identity': { scope: 'panel', roles: officers, what: 'see who gave a witness account' },
  // Evidence files of a case (src/core/cases/evidence.ts). Members see the list, tags and redacted copies through case.list.
  'evidence.upload': { scope: 'panel', roles: officers, what: 'upload evidence to a case, change its sensitivity tags and make redacted copies' },
  'evidence.view-original': { scope: 'panel', roles: officers, what: "see an evidence file's unredacted original, its file name and exact place" },
  'evidence.export': { scope: 'panel', roles: officers, what: 'export evidence files as a zip bundle with a manifest of hashes' },
  'case.publish': { scope: 'panel', roles: officers, what: "publish a case's redacted public summary (a new version each time)" },
  'cases.view-public': { scope: 'installation', public: true, what: "read a borough's published case summaries" },

  // Reviews of sampled encounters (src/core/reviews). The police respondent sees the samples sent to them.
  'sample.list': { scope: 'panel', roles: panelPeople, what: "list the panel's samples for review (police: those sent to them)" },
  'sample.draw': { scope: 'panel', roles: officers, what: "draw a reproducible random sample of a month's searches" },
  'sample.view': { scope: 'panel', roles: { ...panelMembers, police: 'addressee' }, what: "see a sample's references (date, time, place, power)" },
  'sample.assign': { scope: 'panel', roles: officers, what: 'assign reviewers to a sample and send it to a police respondent' },
  'review.record': { scope: 'panel', roles: panelMembers, what: "record and submit one's own review of a sampled encounter" },
  'review.results': { scope: 'panel', roles: panelMembers, what: "see a sample's results and the agreement between reviewers" },
  'review.respond': { scope: 'panel', roles: { ...officers, police: 'addressee' }, what: "respond to the panel's reviews of an encounter (or record the police's response)" },
  'review.publish': { scope: 'panel', roles: officers, what: "publish a sample's anonymised summary (a new version each time)" },
  'reviews.view-public': { scope: 'installation', public: true, what: "read a borough's published review summaries" },
  // Community impact assessments (src/core/cia). The police wrote them; the panel's reviews are its own, so police respondents see none of it.
  'cia.list': { scope: 'panel', roles: panelMembers, what: "read the panel's CIAs, the submitted reviews of them and the questions raised" },
  'cia.record': { scope: 'panel', roles: officers, what: "record a police community impact assessment (uploaded or pasted) and what it concerns" },
  'cia.review': { scope: 'panel', roles: panelMembers, what: "score a CIA against the rubric: one's own review, a draft until submitted" },
  'cia.raise-question': { scope: 'panel', roles: panelMembers, what: 'draft a question to the police from a CIA review, linked to it' },
  'cia.publish': { scope: 'panel', roles: officers, what: "publish a summary of the panel's reviews of a CIA (a new version each time)" },
  'cia.view-public': { scope: 'installation', public: true, what: "read a borough's published CIA review summaries (police respondents read them here)" },

  // Section 60 register (src/core/section60). The panel keeps it; police respondents read it (the authorisations are theirs) but do not change it.
  'section60.list': { scope: 'panel', roles: panelPeople, what: 'read the section 60 register: authorisations, their searches and figures' },
  'section60.record': { scope: 'panel', roles: officers, what: 'record a section 60 authorisation, its extension and its public notices' },
  'section60.publish': { scope: 'panel', roles: officers, what: 'publish the section 60 register (a new version each time)' },
  'section60.view-public': { scope: 'installation', public: true, what: "read a borough's published section 60 register" },

  // Meetings (src/core/meetings). Police respondents see meetings only as the public does: published minutes.
  'meeting.list': { scope: 'panel', roles: panelMembers, what: "see the panel's meetings, agendas, attendance and minutes, confidential parts included" },
  'meeting.schedule': { scope: 'panel', roles: officers, what: 'schedule a meeting' },
  'meeting.edit': { scope: 'panel', roles: officers, what: "change a meeting's title, time or place" },
  'meeting.cancel': { scope: 'panel', roles: officers, what: 'cancel a meeting, with the reason' },
  'meeting.quorum-rule': { scope: 'panel', roles: officers, what: "set the panel's quorum rule" },
  'agenda.edit': { scope: 'panel', roles: officers, what: 'add, change, reorder or remove agenda items' },
  'agenda.matters-arising': { scope: 'panel', roles: officers, what: 'fill the matters arising with overdue questions and open actions' },
  'attendance.record': { scope: 'panel', roles: officers, what: 'record who was present, sent apologies or was absent' },
  'declaration.record': { scope: 'panel', roles: officers, what: 'record or remove a declaration of interest' },
  'minutes.draft': { scope: 'panel', roles: officers, what: 'draft or amend the minutes (each save a new version)' },
  'minutes.approve': { scope: 'panel', roles: officers, what: 'record that a later meeting approved the minutes' },
  'minutes.publish': { scope: 'panel', roles: officers, what: 'publish the public part of approved minutes' },

  'panel.view-public': { scope: 'installation', public: true, what: "see whether a borough has a panel, and its name, to link to what it published" },
  'tracker.view': { scope: 'installation', public: true, what: "read a borough's public question tracker" },
  'minutes.read-published': { scope: 'installation', public: true, what: "read a borough's published minutes (public parts only)" }
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;

export const actions = Object.keys(policy) as Action[];

export const ruleFor = (action: Action): Rule => policy[action];
