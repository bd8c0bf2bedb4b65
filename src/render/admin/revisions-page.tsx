/**
 * Two revisions side by side, with the differences marked word by word: removed text
 * is struck through on the left, added text highlighted on the right.
 */
import { diffWordsWithSpace } from 'diff';
import type { ArticleSnapshot } from '../../domain/articles/article-history.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { parseRichText } from '../../richtext/rich-text.ts';
import { toPlainText } from '../../richtext/to-plain-text.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import type { AdminStrings } from './admin-strings.ts';

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
  sectionNames: ReadonlyMap<number, string>;
  canRestore: boolean;
}

function bodyText(body: unknown): string {
  try {
    return toPlainText(parseRichText(body));
  } catch {
    return '';
  }
}

/** Each compared field with its label in the user's language. */
function fields(s: ArticleSnapshot, sections: ReadonlyMap<number, string>, t: AdminStrings): [string, string][] {
  return [
    [t.headline, s.headline],
    [t.dek, s.dek],
    [t.editor.slug, s.slug],
    [t.section, sections.get(s.sectionId) ?? String(s.sectionId)],
    [t.tags, s.tagNames.join(', ')],
    [t.editor.body, bodyText(s.body)],
    [t.editor.seo, `${s.seoTitle}\n${s.seoDescription}`.trim()],
    [t.editor.correctionNote, s.correctionNote],
  ];
}

function Side({ before, after, side }: { before: string; after: string; side: 'old' | 'new' }) {
  const parts = diffWordsWithSpace(before, after);
  return (
    <div class={`diff-side diff-${side}`}>
      {parts.map((p, i) => {
        if (p.added) return side === 'new' ? <ins key={i}>{p.value}</ins> : null;
        if (p.removed) return side === 'old' ? <del key={i}>{p.value}</del> : null;
        return <span key={i}>{p.value}</span>;
      })}
    </div>
  );
}

export function renderRevisionsPage(p: RevisionsPageProps): string {
  const t = stringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const left = fields(p.a.snapshot, p.sectionNames, t);
  const right = fields(p.b.snapshot, p.sectionNames, t);
  const label = (r: RevisionView) => `#${r.number} · ${formatDateTime(r.createdAt, style)}${r.userName ? ` · ${r.userName}` : ''}`;
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
          <div>{label(p.a)}</div>
          <div>{label(p.b)}</div>
        </div>
        {left.map(([name, before], i) => {
          const after = right[i]![1];
          return (
            <section key={name} class={`diff-field${before === after ? ' unchanged' : ' changed'}`}>
              <h2>{name}</h2>
              <div class="diff-cols">
                <Side before={before} after={after} side="old" />
                <Side before={before} after={after} side="new" />
              </div>
            </section>
          );
        })}
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
