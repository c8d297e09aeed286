// Password rules (OWASP ASVS V2.1): 8 to 1,024 characters, any characters allowed, no
// composition rules. The common-password check needs the shipped list, so it lives in
// services/password-policy.ts, which applies both.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export function passwordProblem(password: string, confirmation: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Passwords must be at least ${PASSWORD_MIN} characters long.`;
  if (length > PASSWORD_MAX) return `Passwords must be at most ${PASSWORD_MAX.toLocaleString('en-US')} characters long.`;
  if (password !== confirmation) return 'The password and its confirmation do not match.';
  return null;
}

/** A plausible address: something@something.tld, no spaces. Delivery is the real check. */
export function emailProblem(email: string): string | null {
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter a valid email address.';
  return null;
}
