import { Invalid } from '../errors.ts';

/**
 * A boundary file that cannot be used. It is `Invalid` so the CLI and web tier report it as bad
 * input, and the message always names the file, because users load several files at once.
 */
export class BoundaryError extends Invalid {
  constructor(
    readonly fileName: string,
    problem: string
  ) {
    super(`Boundary file ${fileName}: ${problem}`, { file: fileName });
  }
}
