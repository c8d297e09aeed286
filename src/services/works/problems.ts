// Collecting field problems across several checks, so a form shows every mistake at once rather
// than one per submit (WCAG 3.3.1 asks that errors be identified; all of them is kinder).
import { Invalid, isAppError } from '../../domain/errors.ts';

export type Problems = Record<string, string>;

/** Runs a check; an Invalid's field messages are added to `problems` and undefined returned. */
export async function gather<T>(problems: Problems, check: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid') throw error;
    Object.assign(problems, error.details ?? { _: error.message });
    return undefined;
  }
}

export function throwProblems(problems: Problems): void {
  if (Object.keys(problems).length > 0) throw new Invalid(Object.values(problems).join(' '), problems);
}
