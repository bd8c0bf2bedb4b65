/**
 * Pieces the newsroom's site screens share: the CSRF field, a labelled field with its
 * error message beside it, the error summary, and move/remove buttons (plain forms).
 */
import type { ComponentChildren } from 'preact';
import type { SiteAdminStrings } from './site-admin-strings.ts';

/** Field name → message, shown next to the field. */
export type FieldErrors = Readonly<Record<string, string>>;

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

export function ErrorSummary({ errors, t }: { errors: FieldErrors; t: SiteAdminStrings }) {
  return Object.keys(errors).length > 0 ? (
    <p class="form-error" role="alert">
      {t.fixErrors}
    </p>
  ) : null;
}

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface FieldProps {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  help?: string;
  maxLength?: number;
  required?: boolean;
  type?: 'text' | 'number' | 'datetime-local' | 'search';
  multiline?: boolean;
  /** Latin-only fields (slugs, English names) are marked so screen readers and spellcheck use English. */
  lang?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  pattern?: string;
  /** Visually hidden label (rows of a table). */
  hiddenLabel?: boolean;
}

/** A labelled input (or textarea) with help text and its error, tied together for screen readers. */
export function Field(p: FieldProps) {
  const id = fieldId(p.name);
  const error = p.errors[p.name];
  const described = [p.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: p.name,
    ...(p.maxLength ? { maxLength: p.maxLength } : {}),
    ...(p.required ? { required: true } : {}),
    ...(p.lang ? { lang: p.lang } : {}),
    ...(error ? { 'aria-invalid': 'true' as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
  return (
    <p class={`field${error ? ' has-error' : ''}`}>
      <label for={id} class={p.hiddenLabel ? 'visually-hidden' : undefined}>
        {p.label}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={4}>
          {p.value}
        </textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.value}
          {...(p.inputMode ? { inputMode: p.inputMode } : {})}
          {...(p.pattern ? { pattern: p.pattern } : {})}
        />
      )}
      {p.help && (
        <small id={`${id}-help`} class="help">
          {p.help}
        </small>
      )}
      {error && (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      )}
    </p>
  );
}

/** A one-button form posting to `action` (move up, move down, remove …). */
export function ButtonForm({ action, csrf, label, fields = {}, disabled, children }: {
  action: string;
  csrf: string;
  label: string;
  fields?: Readonly<Record<string, string>>;
  disabled?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <Csrf token={csrf} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class="small-button" title={label} aria-label={label} disabled={disabled}>
        {children ?? label}
      </button>
    </form>
  );
}

/** Up and down buttons for one item of an ordered list. */
export function MoveButtons({ action, csrf, t, first, last, name }: { action: string; csrf: string; t: SiteAdminStrings; first: boolean; last: boolean; name: string }) {
  return (
    <>
      <ButtonForm action={action} csrf={csrf} label={`${t.moveUp}: ${name}`} fields={{ direction: 'up' }} disabled={first}>
        ↑
      </ButtonForm>
      <ButtonForm action={action} csrf={csrf} label={`${t.moveDown}: ${name}`} fields={{ direction: 'down' }} disabled={last}>
        ↓
      </ButtonForm>
    </>
  );
}

/** Previous/next links for a paged newsroom list; nothing when it fits on one page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (n: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination">
      {page > 1 ? <a href={href(page - 1)}>←</a> : <span />}
      <span>
        {page} / {pages}
      </span>
      {page < pages ? <a href={href(page + 1)}>→</a> : <span />}
    </nav>
  );
}
