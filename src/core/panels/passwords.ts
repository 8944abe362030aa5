import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing for better-auth (src/core/panels/auth.ts) and for accounts made by accepting an
 * invitation: argon2id with OWASP's recommended cost (19 MiB, two passes, one lane), about 50 ms.
 */
/** algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const cost = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordLength = { min: 12, max: 128 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
