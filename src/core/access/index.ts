export * from './actor.ts';
export * from './policy.ts';
export * from './require-access.ts';
export { loadActor } from './load-actor.ts';
