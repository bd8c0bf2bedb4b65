/**
 * Admin → Breaking news (decision 029): editors and admins (whoever edits the front page)
 * set the one-line banner every reader page shows, with an optional link and expiry, or
 * clear it. Plain forms with the session's CSRF token (checked by admin-plugin.ts); a
 * form with a mistake comes back (400) with the message beside the field in the user's
 * language and what was typed still in it, nothing saved; success redirects (303).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BREAKING_LINK } from '../../domain/breaking/breaking.ts';
import type { User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { parseIstLocal } from '../../lib/dates.ts';
import { breakingFieldMessage, breakingStringsFor } from '../../render/admin/breaking-admin-strings.ts';
import { type BreakingFormValues, breakingFormValues, renderBreakingPage } from '../../render/admin/breaking-page.tsx';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { textField } from './params.ts';
import { html } from './session-routes.ts';

/** Longer than any valid text (160 characters) by far: anything longer is the field's own error, not a 500. */
const MAX_TEXT_FIELD = 2000;

function fieldErrors(err: unknown, user: User): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  const reason = err.message.startsWith('INVALID_INPUT') ? undefined : err.message;
  return { [err.field]: breakingFieldMessage(breakingStringsFor(user), err.field, reason) };
}

/** What the form sent; a field of the wrong shape or length is an INVALID_INPUT naming it. */
function formValues(body: unknown): { values: BreakingFormValues; error: DomainError | null } {
  const values: BreakingFormValues = { text: '', link: '', expiresAt: '' };
  let error: DomainError | null = null;
  for (const [name, max] of [['text', MAX_TEXT_FIELD], ['link', MAX_BREAKING_LINK], ['expiresAt', 40]] as const) {
    try {
      values[name] = textField(body, name, max);
    } catch {
      error ??= new DomainError('INVALID_INPUT', name, name === 'text' ? 'too-long' : undefined);
    }
  }
  return { values, error };
}

export const breakingScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const may = (request: FastifyRequest) => authorize(request, 'home.edit');

  async function page(request: FastifyRequest, reply: FastifyReply, form: { values: BreakingFormValues; errors: FieldErrors } | null, status = 200) {
    const user = may(request);
    const [stored, chrome] = await Promise.all([services.breaking.stored(), adminChrome(ctx, request)]);
    const q = request.query as Record<string, unknown> | undefined;
    const t = breakingStringsFor(user);
    const notice = status !== 200 ? undefined : q?.saved === '1' ? t.saved : q?.cleared === '1' ? t.cleared : undefined;
    const { values, errors } = form ?? { values: breakingFormValues(stored), errors: {} };
    return html(reply, renderBreakingPage({ chrome, stored, now: services.now(), values, errors, ...(notice ? { notice } : {}) }), status);
  }

  app.get('/admin/breaking', async (request, reply) => page(request, reply, null));

  app.post('/admin/breaking', async (request, reply) => {
    const user = may(request);
    const { values, error } = formValues(request.body);
    try {
      if (error) throw error;
      let expiresAt: Date | null = null;
      if (values.expiresAt.trim() !== '') {
        expiresAt = parseIstLocal(values.expiresAt.trim());
        if (!expiresAt) throw new DomainError('INVALID_INPUT', 'expiresAt');
      }
      await services.breaking.set({ text: values.text, link: values.link, expiresAt });
    } catch (err) {
      return page(request, reply, { values, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect('/admin/breaking?saved=1', 303);
  });

  app.post('/admin/breaking/clear', async (request, reply) => {
    may(request);
    await services.breaking.clear();
    return reply.redirect('/admin/breaking?cleared=1', 303);
  });
};
