/**
 * The newsroom's screens for sections, tags and authors: plain forms posting with the
 * session's CSRF token, each change through a domain service that validates it. A form
 * with a mistake comes back (400) with the message beside the field and what was typed
 * still in it; success redirects (303).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Media } from '../../domain/media/media.ts';
import type { Action } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { renderAuthorFormPage, renderAuthorsPage, type AuthorFormValues, authorFormValues, emptyAuthorForm } from '../../render/admin/authors-page.tsx';
import { emptySectionForm, renderSectionEditPage, renderSectionsPage, type SectionFormValues, sectionFormValues } from '../../render/admin/sections-page.tsx';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { renderTagEditPage, renderTagsPage } from '../../render/admin/tags-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';
import { fieldErrors, direction, savedNotice } from './screen-helpers.ts';
import type { Params } from './screen-helpers.ts';

const TAGS_PAGE_SIZE = 50;
/** Library photos offered for an author's picture. */
const PHOTO_CHOICES = 40;

export const taxonomyScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const chromeFor = (request: FastifyRequest) => adminChrome(ctx, request);
  const see = (request: FastifyRequest, action: Action) => authorize(request, action);


  // ── Sections ────────────────────────────────────────────────────────────────

  const sectionValues = (body: unknown): SectionFormValues => ({
    name: textField(body, 'name', 200),
    nameLatin: textField(body, 'nameLatin', 200),
    slug: textField(body, 'slug', 200),
    description: textField(body, 'description', 2000),
  });

  async function sectionsPage(request: FastifyRequest, reply: FastifyReply, create: { values: SectionFormValues; errors: FieldErrors }, status = 200) {
    const user = see(request, 'taxonomy.edit');
    const [sections, chrome] = await Promise.all([services.sections.list(), chromeFor(request)]);
    const notice = status === 200 ? savedNotice(request, user) : undefined;
    return html(reply, renderSectionsPage({ chrome, sections, create, ...(notice ? { notice } : {}) }), status);
  }

  app.get('/admin/sections', async (request, reply) => {
    see(request, 'taxonomy.edit');
    return sectionsPage(request, reply, { values: emptySectionForm(), errors: {} });
  });

  app.post('/admin/sections', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const values = sectionValues(request.body);
    try {
      await services.sections.create(values);
    } catch (err) {
      return sectionsPage(request, reply, { values, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect('/admin/sections?saved=1', 303);
  });

  app.get<Params>('/admin/sections/:id/edit', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const section = await services.sections.findById(idParam(request.params.id));
    if (!section) throw new DomainError('NOT_FOUND');
    const notice = savedNotice(request, user);
    return html(reply, renderSectionEditPage({ chrome: await chromeFor(request), section, values: sectionFormValues(section), errors: {}, ...(notice ? { notice } : {}) }));
  });

  app.post<Params>('/admin/sections/:id', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const section = await services.sections.findById(idParam(request.params.id));
    if (!section) throw new DomainError('NOT_FOUND');
    const values = sectionValues(request.body);
    try {
      await services.sections.update(section.id, values);
    } catch (err) {
      const errors = fieldErrors(err, user);
      return html(reply, renderSectionEditPage({ chrome: await chromeFor(request), section, values, errors }), 400);
    }
    return reply.redirect('/admin/sections?saved=1', 303);
  });

  app.post<Params>('/admin/sections/:id/move', async (request, reply) => {
    see(request, 'taxonomy.edit');
    await services.sections.move(idParam(request.params.id), direction(request.body));
    return reply.redirect('/admin/sections', 303);
  });

  // ── Tags ────────────────────────────────────────────────────────────────────

  app.get('/admin/tags', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const query = textField(request.query, 'q', 200).trim();
    const page = pageParam((request.query as Record<string, unknown>).page);
    const [list, chrome] = await Promise.all([services.tags.list(query, page, TAGS_PAGE_SIZE), chromeFor(request)]);
    const notice = savedNotice(request, user);
    return html(reply, renderTagsPage({ chrome, query, ...list, page, pageSize: TAGS_PAGE_SIZE, ...(notice ? { notice } : {}) }));
  });

  app.get<Params>('/admin/tags/:id/edit', async (request, reply) => {
    see(request, 'taxonomy.edit');
    const tag = await services.tags.findById(idParam(request.params.id));
    if (!tag) throw new DomainError('NOT_FOUND');
    return html(reply, renderTagEditPage({ chrome: await chromeFor(request), tag, values: { name: tag.name }, errors: {} }));
  });

  app.post<Params>('/admin/tags/:id', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const tag = await services.tags.findById(idParam(request.params.id));
    if (!tag) throw new DomainError('NOT_FOUND');
    const name = textField(request.body, 'name', 400);
    try {
      await services.tags.rename(tag.id, name);
    } catch (err) {
      const errors = fieldErrors(err, user);
      return html(reply, renderTagEditPage({ chrome: await chromeFor(request), tag, values: { name }, errors }), 400);
    }
    return reply.redirect(`/admin/tags?${new URLSearchParams({ q: name.trim(), saved: '1' }).toString()}`, 303);
  });

  // ── Authors ─────────────────────────────────────────────────────────────────

  const authorValues = (body: unknown): AuthorFormValues => ({
    name: textField(body, 'name', 400),
    nameLatin: textField(body, 'nameLatin', 400),
    bio: textField(body, 'bio', 5000),
    photoMediaId: textField(body, 'photoMediaId', 12).trim(),
  });

  function authorInput(values: AuthorFormValues) {
    let photoMediaId: number | null = null;
    if (values.photoMediaId !== '') {
      if (!/^[1-9][0-9]{0,9}$/.test(values.photoMediaId) || Number(values.photoMediaId) > 2_147_483_647) {
        throw new DomainError('INVALID_INPUT', 'photoMediaId');
      }
      photoMediaId = Number(values.photoMediaId);
    }
    return { name: values.name, nameLatin: values.nameLatin, bio: values.bio, photoMediaId };
  }

  /** Recent library photos, and the one chosen if it is older. */
  async function photoChoices(chosen: string): Promise<Media[]> {
    const { items } = await services.media.search('', 1, PHOTO_CHOICES);
    const id = /^[1-9][0-9]{0,9}$/.test(chosen) ? Number(chosen) : null;
    if (id !== null && !items.some((m) => m.id === id)) {
      const m = await services.media.findById(id);
      if (m) return [m, ...items];
    }
    return items;
  }

  app.get('/admin/authors', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const [authors, chrome] = await Promise.all([services.authors.listFull(), chromeFor(request)]);
    const notice = savedNotice(request, user);
    return html(reply, renderAuthorsPage({ chrome, authors, ...(notice ? { notice } : {}) }));
  });

  app.get('/admin/authors/new', async (request, reply) => {
    see(request, 'taxonomy.edit');
    const [photos, chrome] = await Promise.all([photoChoices(''), chromeFor(request)]);
    return html(reply, renderAuthorFormPage({ chrome, author: null, values: emptyAuthorForm(), errors: {}, photos }));
  });

  app.post('/admin/authors', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const values = authorValues(request.body);
    try {
      await services.authors.add(authorInput(values));
    } catch (err) {
      const errors = fieldErrors(err, user);
      const [photos, chrome] = await Promise.all([photoChoices(values.photoMediaId), chromeFor(request)]);
      return html(reply, renderAuthorFormPage({ chrome, author: null, values, errors, photos }), 400);
    }
    return reply.redirect('/admin/authors?saved=1', 303);
  });

  app.get<Params>('/admin/authors/:id/edit', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const author = await services.authors.get(idParam(request.params.id));
    if (!author) throw new DomainError('NOT_FOUND');
    const values = authorFormValues(author);
    const [photos, chrome] = await Promise.all([photoChoices(values.photoMediaId), chromeFor(request)]);
    const notice = savedNotice(request, user);
    return html(reply, renderAuthorFormPage({ chrome, author, values, errors: {}, photos, ...(notice ? { notice } : {}) }));
  });

  app.post<Params>('/admin/authors/:id', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const author = await services.authors.get(idParam(request.params.id));
    if (!author) throw new DomainError('NOT_FOUND');
    const values = authorValues(request.body);
    try {
      await services.authors.update(author.id, authorInput(values));
    } catch (err) {
      const errors = fieldErrors(err, user);
      const [photos, chrome] = await Promise.all([photoChoices(values.photoMediaId), chromeFor(request)]);
      return html(reply, renderAuthorFormPage({ chrome, author, values, errors, photos }), 400);
    }
    return reply.redirect('/admin/authors?saved=1', 303);
  });
};
