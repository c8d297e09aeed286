// Log in, log out, sign up, invitation requests, forgotten passwords.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { logIn, logOut } from '../../../services/accounts/log-in.ts';
import { signUp, signupMode } from '../../../services/accounts/sign-up.ts';
import { requestInvitation } from '../../../services/accounts/invitations.ts';
import { checkResetToken, requestPasswordReset, resetPassword } from '../../../services/accounts/password-reset.ts';
import { userUrl } from '../../present/urls.ts';
import { clearSessionCookie, setSessionCookie } from '../../session.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, redirectTo, safeReturnPath } from '../forms.ts';
import { forgotPasswordView, invitationRequestedView, loginView, resetPasswordView, signupView } from '../views/accounts.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const LoginBody = Type.Object({ login: Text(254), password: Text(4096), return_to: Type.Optional(Text(500)) });
const SignupBody = Type.Object({ login: Text(100), email: Text(254), password: Text(4096), password_confirmation: Text(4096), invitation: Type.Optional(Text(200)) });
const EmailBody = Type.Object({ email: Text(254) });
const ResetBody = Type.Object({ password: Text(4096), password_confirmation: Text(4096) });
const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) });

const REASONS: Record<string, string> = {
  restricted: 'That work is only available to registered users of the archive. Log in to read it.',
  account: 'Log in to see your account.',
};

export async function registerSessionRoutes(app: App): Promise<void> {
  app.get('/login', { schema: { querystring: Type.Object({ return_to: Type.Optional(Text(500)), reason: Type.Optional(Text(30)) }) } }, async (request, reply) => {
    if (request.ctx.actor.kind === 'user') return redirectTo(reply, safeReturnPath(request.query.return_to, '/'));
    const notice = request.query.reason ? (REASONS[request.query.reason] ?? null) : null;
    return sendPage(reply, loginView(chromeFor(request, { title: 'Log in', notice }), { values: {}, errors: {}, returnTo: request.query.return_to ?? null }));
  });

  app.post('/login', { schema: { body: LoginBody } }, async (request, reply) => {
    const { login, password, return_to } = request.body;
    try {
      const { session, user } = await logIn(request.ctx, { login, password, ip: request.ip });
      setSessionCookie(request, reply, session.token);
      return redirectTo(reply, safeReturnPath(return_to, userUrl(user.login)));
    } catch (error) {
      const errors = formErrors(error);
      return sendPage(reply, loginView(chromeFor(request, { title: 'Log in' }), { values: { login }, errors, returnTo: return_to ?? null }), formStatus(error));
    }
  });

  app.post('/logout', async (request, reply) => {
    if (request.session) await logOut(request.ctx, request.session.id);
    clearSessionCookie(request, reply);
    return redirectTo(reply, '/');
  });

  app.get('/signup', { schema: { querystring: Type.Object({ invitation: Type.Optional(Text(200)) }) } }, async (request, reply) => {
    if (request.ctx.actor.kind === 'user') return redirectTo(reply, '/');
    const mode = await signupMode(request.ctx.db);
    return sendPage(reply, signupView(chromeFor(request, { title: 'Sign up' }), { mode, invitation: request.query.invitation ?? null, values: {}, errors: {} }));
  });

  app.post('/signup', { schema: { body: SignupBody } }, async (request, reply) => {
    const body = request.body;
    try {
      const { user, session } = await signUp(request.ctx, {
        login: body.login,
        email: body.email,
        password: body.password,
        passwordConfirmation: body.password_confirmation,
        invitation: body.invitation,
        ip: request.ip,
      });
      setSessionCookie(request, reply, session.token);
      return redirectTo(reply, `${userUrl(user.login)}?welcome=1`);
    } catch (error) {
      const errors = formErrors(error);
      const mode = await signupMode(request.ctx.db);
      return sendPage(
        reply,
        signupView(chromeFor(request, { title: 'Sign up' }), { mode, invitation: body.invitation ?? null, values: { login: body.login, email: body.email }, errors }),
        formStatus(error),
      );
    }
  });

  app.post('/invitations/requests', { schema: { body: EmailBody } }, async (request, reply) => {
    try {
      const { position } = await requestInvitation(request.ctx, { email: request.body.email, ip: request.ip });
      return sendPage(reply, invitationRequestedView(chromeFor(request, { title: 'Invitation requested' }), { position }));
    } catch (error) {
      const errors = formErrors(error);
      return sendPage(reply, signupView(chromeFor(request, { title: 'Sign up' }), { mode: 'invitation', invitation: null, values: { email: request.body.email }, errors }), formStatus(error));
    }
  });

  app.get('/password/forgot', async (request, reply) =>
    sendPage(reply, forgotPasswordView(chromeFor(request, { title: 'Forgotten password' }), { values: {}, errors: {}, sentMessage: null })),
  );

  app.post('/password/forgot', { schema: { body: EmailBody } }, async (request, reply) => {
    try {
      const sentMessage = await requestPasswordReset(request.ctx, { email: request.body.email, ip: request.ip });
      return sendPage(reply, forgotPasswordView(chromeFor(request, { title: 'Forgotten password' }), { values: {}, errors: {}, sentMessage }));
    } catch (error) {
      const errors = formErrors(error);
      return sendPage(reply, forgotPasswordView(chromeFor(request, { title: 'Forgotten password' }), { values: { email: request.body.email }, errors, sentMessage: null }), formStatus(error));
    }
  });

  app.get('/password/reset/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    await checkResetToken(request.ctx, request.params.token);
    return sendPage(reply, resetPasswordView(chromeFor(request, { title: 'Choose a new password' }), { token: request.params.token, errors: {} }));
  });

  app.post('/password/reset/:token', { schema: { params: TokenParams, body: ResetBody } }, async (request, reply) => {
    const { token } = request.params;
    try {
      await resetPassword(request.ctx, { token, password: request.body.password, passwordConfirmation: request.body.password_confirmation });
      return sendPage(reply, resetPasswordView(chromeFor(request, { title: 'Password changed' }), { token, errors: {}, done: true }));
    } catch (error) {
      const errors = formErrors(error);
      return sendPage(reply, resetPasswordView(chromeFor(request, { title: 'Choose a new password' }), { token, errors }), formStatus(error));
    }
  });
}
