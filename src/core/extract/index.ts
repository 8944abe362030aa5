export { extract, publicationDate } from './extract.ts';
export type * from './types.ts';
