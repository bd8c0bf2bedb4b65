/**
 * The editor's take-down box: "Move to trash", or, for a story already in the trash, that
 * it is there and "Restore (as a draft)". Plain forms (they work without JavaScript),
 * shown only to someone allowed to trash this story; the server checks again.
 */
import { can, type User } from '../../domain/users/user.ts';
import type { ArticleStatus } from '../../domain/articles/article.ts';
import { TRASH_DAYS } from '../../domain/articles/article-trash.ts';
import { Csrf } from './site-form.tsx';
import { trashStringsFor } from './trash-admin-strings.ts';

export function TrashForm({ user, csrf, article }: { user: User | null; csrf: string; article: { id: number; status: ArticleStatus; createdBy: number | null; trashedAt?: string | null } }) {
  if (!user || !can(user, 'article.trash', { article: { createdBy: article.createdBy, status: article.status } })) return null;
  const t = trashStringsFor(user);
  if (article.trashedAt) {
    return (
      <form method="post" action={`/admin/trash/${article.id}/restore`} class="workflow-form trash-form">
        <Csrf token={csrf} />
        <p class="form-error" role="status">
          {t.inTrashNotice}
        </p>
        <button type="submit">{t.restore}</button>
      </form>
    );
  }
  return (
    <form method="post" action={`/admin/articles/${article.id}/trash`} class="workflow-form trash-form">
      <Csrf token={csrf} />
      <button type="submit" class="danger">
        {t.moveToTrash}
      </button>
      <small class="help">{t.moveToTrashHelp(TRASH_DAYS)}</small>
    </form>
  );
}
