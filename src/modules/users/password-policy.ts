import { AppError } from '../../errors.ts';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 cost does not depend on length, but a cap keeps request bodies and hashing honest. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The password policy: 10+ characters, at least one letter and at least one digit or symbol, not
 * containing the email's local part, not one repeated character. Returns every rule broken.
 */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if ([...password].length > PASSWORD_MAX_LENGTH) {
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (!/\p{L}/u.test(password)) problems.push('must contain a letter');
  if (!/[^\p{L}\s]/u.test(password)) problems.push('must contain a digit or a symbol');
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) {
    problems.push('must not contain the email address');
  }
  if (password.length > 0 && new Set(password).size === 1)
    problems.push('must not be one repeated character');
  return problems;
}

/** Throws 400 WEAK_PASSWORD listing the broken rules under the given field name. */
export function assertPasswordPolicy(password: string, email: string, field: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return;
  throw new AppError('WEAK_PASSWORD', `${field} ${problems.join('; ')}`, {
    errors: problems.map((message) => ({ field, ...ruleOf(message), message })),
  });
}

/** The rule a policy message names, for clients that word it themselves (docs/CONVENTIONS.md "Errors"). */
function ruleOf(message: string): { rule: string; limit?: number } {
  if (message.includes('at least')) return { rule: 'minLength', limit: PASSWORD_MIN_LENGTH };
  if (message.includes('at most')) return { rule: 'maxLength', limit: PASSWORD_MAX_LENGTH };
  if (message.includes('letter')) return { rule: 'letter' };
  if (message.includes('digit')) return { rule: 'digitOrSymbol' };
  if (message.includes('email')) return { rule: 'notEmail' };
  return { rule: 'notRepeated' };
}
