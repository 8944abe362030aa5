import type { PanelRole } from '../db/schema.ts';

/**
 * A panel's quorum rule: at least one in every `divisor` voting members present, rounded up, and
 * never fewer than `minimum`. The default, a third rounded up and at least three, is common in
 * community panels' terms of reference; a panel sets its own on its meetings page.
 */
export interface QuorumRule {
  divisor: number;
  minimum: number;
}

/** Who counts towards the quorum: members and the chair. The clerk and police respondents do not vote; nor do guests. */
export const votingRoles: readonly PanelRole[] = ['member', 'chair'];

export interface Quorum {
  /** Voting members of the panel. */
  voting: number;
  /** Voting members recorded present. */
  present: number;
  /** How many must be present. */
  needed: number;
  quorate: boolean;
}

export function quorumNeeded(rule: QuorumRule, voting: number): number {
  return Math.max(rule.minimum, Math.ceil(voting / rule.divisor));
}

export function quorum(rule: QuorumRule, voting: number, present: number): Quorum {
  const needed = quorumNeeded(rule, voting);
  return { voting, present, needed, quorate: present >= needed };
}

/** The rule in words, for the meeting pages and the docs. */
export function quorumRuleWords(rule: QuorumRule): string {
  const share = rule.divisor === 1 ? 'all the voting members' : rule.divisor === 2 ? 'at least half the voting members' : rule.divisor === 3 ? 'at least a third of the voting members' : `at least one in every ${rule.divisor} voting members`;
  return `${share} (members and the chair), rounded up and never fewer than ${rule.minimum}, are present`;
}
