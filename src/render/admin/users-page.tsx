import { ROLES, type User } from '../../domain/users/user.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { accountStringsFor } from './account-admin-strings.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';

export interface UsersPageProps {
  chrome: AdminChrome;
  users: readonly User[];
  /** Every byline, to link accounts to. */
  authors: readonly { id: number; name: string; slug: string }[];
  notice?: string;
  errors?: Readonly<Record<string, string>>;
  values?: { email: string; name: string; role: string };
  /** A reset link just issued: shown in this one response only. */
  resetLink?: { email: string; url: string; expiresAt: Date };
}

/**
 * Accounts (admins only): list, create with a generated password shown once, change role,
 * disable, link to a byline (or make one from the account), issue a password reset link.
 */
export function renderUsersPage({ chrome, users, authors, notice, errors = {}, values, resetLink }: UsersPageProps): string {
  const t = stringsFor(chrome.user);
  const a = accountStringsFor(chrome.user);
  const linkedBy = new Map(users.flatMap((u) => (u.authorId === null ? [] : [[u.authorId, u] as const])));
  return renderAdminPage(
    { ...chrome, current: 'users' },
    t.users,
    <>
      <h1>{t.users}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {resetLink && (
        <div class="notice" role="status">
          <p>{a.resetIssued(resetLink.email, formatDateTime(resetLink.expiresAt, chrome.user?.locale ?? 'hi'))}</p>
          <p class="field">
            <label for="reset-link">{a.resetLinkLabel}</label>
            <input id="reset-link" type="url" readOnly value={resetLink.url} />
          </p>
        </div>
      )}
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <p class="muted">{a.bylineHelp}</p>
      <table class="desk">
        <thead>
          <tr>
            <th>{t.name}</th>
            <th>{t.email}</th>
            <th>{t.role}</th>
            <th>{t.status}</th>
            <th>{a.byline}</th>
            <th>{a.passwordColumn}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} id={`user-${u.id}`}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={`/admin/users/${u.id}`} class="inline-form">
                  <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                  <select name="role" aria-label={`${t.role}: ${u.name}`}>
                    {ROLES.map((r) => (
                      <option key={r} value={r} selected={u.role === r}>
                        {t.roles[r]}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit">{t.save}</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/admin/users/${u.id}`} class="inline-form">
                  <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                  <input type="hidden" name="disabled" value={u.disabled ? '0' : '1'} />
                  {u.disabled ? t.disabled : t.active}{' '}
                  <button type="submit" class="link-button">
                    {u.disabled ? t.enable : t.disable}
                  </button>
                </form>
              </td>
              <td>
                <form method="post" action={`/admin/users/${u.id}/author`} class="inline-form">
                  <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                  <select name="authorId" aria-label={`${a.byline}: ${u.name}`}>
                    <option value="" selected={u.authorId === null}>
                      {a.noByline}
                    </option>
                    {authors.map((author) => {
                      const other = linkedBy.get(author.id);
                      const taken = other !== undefined && other.id !== u.id;
                      return (
                        <option key={author.id} value={String(author.id)} selected={u.authorId === author.id} disabled={taken}>
                          {taken ? `${author.name} ${a.linkedTo(other.name)}` : author.name}
                        </option>
                      );
                    })}
                  </select>{' '}
                  <button type="submit">{a.linkByline}</button>
                </form>
                {u.authorId === null && (
                  <form method="post" action={`/admin/users/${u.id}/author/new`} class="inline-form">
                    <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                    <button type="submit" class="link-button">
                      {a.createByline}
                    </button>
                  </form>
                )}
              </td>
              <td>
                {!u.disabled && (
                  <form method="post" action={`/admin/users/${u.id}/reset-link`} class="inline-form">
                    <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                    <button type="submit" class="link-button" aria-label={`${a.makeResetLink}: ${u.name}`}>
                      {a.makeResetLink}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/admin/users" class="card-form">
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        <h2>{t.createUser}</h2>
        <p class="muted">{t.usersIntro}</p>
        <p class="field">
          <label for="new-email">{t.email}</label>
          <input id="new-email" name="email" type="email" required maxLength={320} value={values?.email ?? ''} />
          {errors.email && <span class="field-error">{errors.email}</span>}
        </p>
        <p class="field">
          <label for="new-name">{t.name}</label>
          <input id="new-name" name="name" required maxLength={100} value={values?.name ?? ''} />
          {errors.name && <span class="field-error">{errors.name}</span>}
        </p>
        <p class="field">
          <label for="new-role">{t.role}</label>
          <select id="new-role" name="role">
            {ROLES.map((r) => (
              <option key={r} value={r} selected={(values?.role ?? 'reporter') === r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </p>
        <button type="submit">{t.createUser}</button>
      </form>
    </>,
  );
}
