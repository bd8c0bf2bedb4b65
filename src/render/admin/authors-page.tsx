import type { Author } from '../../domain/authors/author.ts';
import { AUTHOR_LIMITS } from '../../domain/authors/author.ts';
import { type Media, variantUrl } from '../../domain/media/media.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, fieldId, Notice } from './site-form.tsx';

export interface AuthorFormValues {
  name: string;
  nameLatin: string;
  bio: string;
  /** A media id as text, or '' for no photo. */
  photoMediaId: string;
}

export const emptyAuthorForm = (): AuthorFormValues => ({ name: '', nameLatin: '', bio: '', photoMediaId: '' });

export const authorFormValues = (a: Author): AuthorFormValues => ({
  name: a.name,
  nameLatin: a.nameLatin,
  bio: a.bio,
  photoMediaId: a.photo ? String(a.photo.id) : '',
});

const thumb = (m: Media) => variantUrl(m, m.variantWidths[0] ?? m.width, 'webp');

export interface AuthorsPageProps {
  chrome: AdminChrome;
  authors: readonly Author[];
  notice?: string;
}

export function renderAuthorsPage({ chrome, authors, notice }: AuthorsPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  return renderAdminPage(
    { ...chrome, current: 'authors' },
    a.authors,
    <>
      <div class="admin-title-row">
        <h1>{a.authors}</h1>
        <a class="button" href="/admin/authors/new">
          {t.newAuthor}
        </a>
      </div>
      <Notice text={notice} />
      {authors.length === 0 ? (
        <p class="muted">{t.noAuthors}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.photo}</th>
              <th>{t.authorName}</th>
              <th>{t.nameLatin}</th>
              <th>{t.bio}</th>
            </tr>
          </thead>
          <tbody>
            {authors.map((au) => (
              <tr key={au.id}>
                <td>{au.photo ? <img src={thumb(au.photo)} alt="" width={48} height={48} class="avatar" loading="lazy" /> : '—'}</td>
                <td>
                  <a href={`/admin/authors/${au.id}/edit`}>{au.name}</a>
                  <br />
                  <small>
                    <a href={`/author/${au.slug}`} lang="en">
                      /author/{au.slug}
                    </a>
                  </small>
                </td>
                <td lang="en">{au.nameLatin}</td>
                <td class="clip">{au.bio}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}

export interface AuthorFormPageProps {
  chrome: AdminChrome;
  /** Null for a new author. */
  author: Author | null;
  values: AuthorFormValues;
  errors: FieldErrors;
  /** Photos to choose from: the library's recent ones (and the author's current one). */
  photos: readonly Media[];
  notice?: string;
}

export function renderAuthorFormPage({ chrome, author, values, errors, photos, notice }: AuthorFormPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  const title = author ? `${t.editAuthor}: ${author.name}` : t.newAuthor;
  const photoId = fieldId('photoMediaId');
  const photoError = errors.photoMediaId;
  const chosen = photos.find((m) => String(m.id) === values.photoMediaId);
  return renderAdminPage(
    { ...chrome, current: 'authors' },
    title,
    <>
      <p>
        <a href="/admin/authors">{t.back}</a>
      </p>
      <h1>{title}</h1>
      <Notice text={notice} />
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={author ? `/admin/authors/${author.id}` : '/admin/authors'} class="card-form">
        <Csrf token={chrome.csrfToken} />
        <Field name="name" label={t.authorName} value={values.name} errors={errors} maxLength={AUTHOR_LIMITS.name} required />
        <Field name="nameLatin" label={t.nameLatin} value={values.nameLatin} errors={errors} maxLength={AUTHOR_LIMITS.nameLatin} required lang="en" help={t.authorSlugHelp} />
        <Field name="bio" label={`${t.bio} ${t.optional}`} value={values.bio} errors={errors} maxLength={AUTHOR_LIMITS.bio} multiline />
        <p class={`field${photoError ? ' has-error' : ''}`}>
          <label for={photoId}>{t.photo}</label>
          <select
            id={photoId}
            name="photoMediaId"
            aria-describedby={`${photoId}-help${photoError ? ` ${photoId}-error` : ''}`}
            {...(photoError ? { 'aria-invalid': 'true' } : {})}
          >
            <option value="" selected={values.photoMediaId === ''}>
              {t.noPhoto}
            </option>
            {photos.map((m) => (
              <option key={m.id} value={String(m.id)} selected={String(m.id) === values.photoMediaId}>
                #{m.id} · {(m.caption || m.alt || m.credit).slice(0, 80)}
              </option>
            ))}
          </select>
          <small id={`${photoId}-help`} class="help">
            {t.photoHelp}
          </small>
          {photoError && (
            <span id={`${photoId}-error`} class="field-error">
              {photoError}
            </span>
          )}
        </p>
        {chosen && <img src={thumb(chosen)} alt={chosen.alt} width={96} class="avatar" />}
        <button type="submit" class="primary">{author ? a.save : t.create}</button>
        {author && (
          <>
            {' '}
            <a href={`/author/${author.slug}`}>{t.viewOnSite}</a>
          </>
        )}
      </form>
    </>,
  );
}
