/** Words for a question's history and escalations, shared by the workspace, the inbox and the tracker. */
export const actionWords: Record<string, string> = {
  'question.draft': 'drafted',
  'question.edit': 'draft edited',
  'question.send': 'sent',
  'question.acknowledge': 'acknowledged',
  'question.request-clarification': 'clarification requested (clock paused)',
  'question.clarify': 'clarified (clock restarted)',
  'question.extend': 'extension agreed',
  'question.answer': 'answered',
  'question.assess': 'assessed',
  'question.close': 'closed',
  'question.escalate': 'escalated',
  'question.publish': 'published',
  // Written when the respondent it was addressed to is taken off the panel (src/core/panels/members.ts).
  'member.manage': 'passed to another police respondent, the first having left the panel'
};

export const escalationNames: Record<string, string> = { commander: 'the borough commander', mopac: "the Mayor's Office for Policing and Crime (MOPAC)", iopc: 'the Independent Office for Police Conduct (IOPC)' };
