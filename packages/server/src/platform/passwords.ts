import { hash, verify } from '@node-rs/argon2';

/** argon2id (algorithm 2) with OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/**
 * Spend the same time as a real check when the user does not exist, so the answer's timing does
 * not tell an attacker which usernames are real.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('ansinh-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
