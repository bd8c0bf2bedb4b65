/**
 * Two revisions side by side, with the differences marked: removed text is struck
 * through on the left, added text highlighted on the right. The comparison itself is
 * computed beforehand, off the request thread (domain/articles/revision-diff.ts in a
 * worker); this page only shows it.
 */
import type { ArticleSnapshot } from '../../domain/articles/article-history.ts';
import type { ComparedField } from '../../domain/articles/revision-diff.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import type { AdminStrings } from './admin-strings.ts';
import type { RenderedComparison } from './diff-html.ts';

export interface RevisionView {
  number: number;
  createdAt: Date;
  userName: string | null;
  snapshot: ArticleSnapshot;
}

export interface RevisionsPageProps {
  chrome: AdminChrome;
  articleId: number;
  a: RevisionView;
  b: RevisionView;
  all: readonly { number: number; createdAt: Date; userName: string | null }[];
  /** Made off the request thread, sides already HTML (diff-html.ts escapes every character). */
  comparison: RenderedComparison;
  canRestore: boolean;
}

/** Each compared field's label in the user's language. */
function label(field: ComparedField, t: AdminStrings): string {
  switch (field) {
    case 'headline':
      return t.headline;
    case 'dek':
      return t.dek;
    case 'slug':
      return t.editor.slug;
    case 'section':
      return t.section;
    case 'tags':
      return t.tags;
    case 'body':
      return t.editor.body;
    case 'seo':
      return t.editor.seo;
    case 'correctionNote':
      return t.editor.correctionNote;
    case 'corrections':
      return t.editor.corrections;
    case 'lang':
      return t.editor.storyLanguage;
  }
}

export function renderRevisionsPage(p: RevisionsPageProps): string {
  const t = stringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const heading = (r: RevisionView) => `#${r.number} · ${formatDateTime(r.createdAt, style)}${r.userName ? ` · ${r.userName}` : ''}`;
  return renderAdminPage(
    { ...p.chrome, current: 'articles' },
    `#${p.a.number} ↔ #${p.b.number}`,
    <>
      <p>
        <a href={`/admin/articles/${p.articleId}/edit`}>← {t.edit}</a>
      </p>
      <h1>
        #{p.a.number} ↔ #{p.b.number}
      </h1>
      <form method="get" class="inline-form">
        <select name="a" aria-label={t.editor.compareOld}>
          {p.all.map((r) => (
            <option key={r.number} value={String(r.number)} selected={r.number === p.a.number}>
              #{r.number}
            </option>
          ))}
        </select>{' '}
        <select name="b" aria-label={t.editor.compareNew}>
          {p.all.map((r) => (
            <option key={r.number} value={String(r.number)} selected={r.number === p.b.number}>
              #{r.number}
            </option>
          ))}
        </select>{' '}
        <button type="submit">↔ {t.editor.compare}</button>
      </form>
      <div class="diff">
        <div class="diff-cols diff-head">
          <div>{heading(p.a)}</div>
          <div>{heading(p.b)}</div>
        </div>
        {p.comparison.fields.map((f) => (
          <section key={f.field} class={`diff-field${f.changed ? ' changed' : ' unchanged'}`}>
            <h2>{label(f.field, t)}</h2>
            {!f.complete && (
              <p class="diff-note" role="note">
                {t.editor.compareTooMany}
              </p>
            )}
            <div class="diff-cols">
              <div class="diff-side diff-old" dangerouslySetInnerHTML={{ __html: f.oldHtml }} />
              <div class="diff-side diff-new" dangerouslySetInnerHTML={{ __html: f.newHtml }} />
            </div>
          </section>
        ))}
      </div>
      {p.canRestore && (
        <form method="post" action={`/admin/articles/${p.articleId}/revisions/${p.a.number}/restore`}>
          <input type="hidden" name="_csrf" value={p.chrome.csrfToken} />
          <button type="submit">↺ {t.editor.restoreRevision(p.a.number)}</button>
        </form>
      )}
    </>,
  );
}
