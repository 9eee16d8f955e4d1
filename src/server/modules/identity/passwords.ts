import { hash, verify } from "@node-rs/argon2";
import { randomSecret } from "../../platform/ids.js";

// argon2id (the library's default algorithm) with OWASP's minimum recommendation:
// m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet, 2023).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so unknown emails cannot be told apart by timing.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A one-time password people can type: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomSecret(15);
}
