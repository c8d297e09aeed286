// Saving the "Reading and notifications" preferences of the account page (its form is drawn by
// views/reader-preferences.ts inside /account).
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { setReaderPreferences } from '../../../services/reader/preferences.ts';
import { loginRedirect, redirectTo } from '../forms.ts';

export async function registerReaderPreferenceRoutes(app: App): Promise<void> {
  app.post(
    '/account/preferences',
    { schema: { body: Type.Object({ notification_email: Type.Optional(Type.String({ maxLength: 20 })), history: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      await setReaderPreferences(request.ctx, { notificationEmail: request.body.notification_email, historyEnabled: request.body.history !== undefined });
      return redirectTo(reply, '/account?done=preferences#account-reading');
    },
  );
}
