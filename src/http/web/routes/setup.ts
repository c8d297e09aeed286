// The first-run page that creates the admin account from the link `owlery serve` prints.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { checkSetupToken, completeSetup } from '../../../services/setup-admin.ts';
import { isAppError } from '../../../domain/errors.ts';
import { setupView } from '../views/setup.ts';
import { chromeFor, sendPage } from '../render.ts';

const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });
const SetupBody = Type.Object({
  login: Type.String({ maxLength: 100 }),
  email: Type.String({ maxLength: 300 }),
  password: Type.String({ maxLength: 4096 }),
  password_confirmation: Type.String({ maxLength: 4096 }),
});

export async function registerSetupRoutes(app: App): Promise<void> {
  app.get('/setup/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    await checkSetupToken(request.ctx, request.params.token);
    return sendPage(reply, setupView(chromeFor(request, { title: 'Set up your archive' }), { token: request.params.token, errors: {}, values: {} }));
  });

  app.post(
    '/setup/:token',
    {
      schema: { params: TokenParams, body: SetupBody },
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
    },
    async (request, reply) => {
      const { token } = request.params;
      const body = request.body;
      try {
        const admin = await completeSetup(request.ctx, token, {
          login: body.login,
          email: body.email,
          password: body.password,
          passwordConfirmation: body.password_confirmation,
        });
        app.owlery.setupPending = false;
        request.log.info({ login: admin.login }, 'admin account created through the setup link');
        return sendPage(reply, setupView(chromeFor(request, { title: 'Archive set up' }), { token, errors: {}, values: { login: admin.login }, done: true }));
      } catch (error) {
        if (!isAppError(error) || error.code !== 'invalid') throw error;
        const values = { login: body.login, email: body.email };
        return sendPage(reply, setupView(chromeFor(request, { title: 'Set up your archive' }), { token, errors: error.details ?? { form: error.message }, values }), 422);
      }
    },
  );
}
