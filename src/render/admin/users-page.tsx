import { ROLES, type User } from '../../domain/users/user.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';

export interface UsersPageProps {
  chrome: AdminChrome;
  users: readonly User[];
  notice?: string;
  errors?: Readonly<Record<string, string>>;
  values?: { email: string; name: string; role: string };
}

/** Accounts (admins only): list, create with a generated password shown once, change role, disable. */
export function renderUsersPage({ chrome, users, notice, errors = {}, values }: UsersPageProps): string {
  const t = stringsFor(chrome.user);
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
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <table class="desk">
        <thead>
          <tr>
            <th>{t.name}</th>
            <th>{t.email}</th>
            <th>{t.role}</th>
            <th>{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
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
