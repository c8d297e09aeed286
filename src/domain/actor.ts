// Who is asking. Every service and policy decision takes an Actor; the HTTP layer builds it from
// the session (guests until accounts exist), the CLI acts as the system.

export type Role = 'admin' | 'wrangler' | 'moderator';

export type Actor =
  | { kind: 'guest' }
  | {
      kind: 'user';
      userId: number;
      login: string;
      roles: ReadonlySet<Role>;
      suspended: boolean;
      /** Acting through a personal API token rather than a browser session. */
      viaToken?: boolean;
    }
  /** The operator at the command line (imports, demo loading, migrations). */
  | { kind: 'system' };

export const GUEST: Actor = Object.freeze({ kind: 'guest' });
export const SYSTEM: Actor = Object.freeze({ kind: 'system' });

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && !actor.suspended && actor.roles.has(role);
}
