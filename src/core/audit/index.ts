export { appendAudit, type AuditEntry, type Tx } from './append.ts';
export { canonicalJson, entryHash, genesisHash } from './chain.ts';
export { verifyAudit, verifyChain, type AuditVerification, type BrokenLink } from './verify.ts';
export { write, type Audit, type WorkflowContext } from './write.ts';
