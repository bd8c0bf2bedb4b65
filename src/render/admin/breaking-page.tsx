import type { BreakingNews } from '../../domain/breaking/breaking.ts';
import { MAX_BREAKING_LINK, MAX_BREAKING_TEXT } from '../../domain/breaking/breaking.ts';
import { formatDateTime, toIsoWithOffset } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';
import { breakingStringsFor } from './breaking-admin-strings.ts';
import { ButtonForm, Csrf, Field, type FieldErrors, Notice } from './site-form.tsx';

export interface BreakingFormValues {
  text: string;
  link: string;
  /** A `datetime-local` value, read as India time. */
  expiresAt: string;
}

export interface BreakingPageProps {
  chrome: AdminChrome;
  /** What is stored (showing or expired), or null. */
  stored: BreakingNews | null;
  now: Date;
  values: BreakingFormValues;
  errors: FieldErrors;
  notice?: string;
}

/** A `datetime-local` value in India time (the server reads the form's value so). */
const istLocalValue = (date: Date): string => toIsoWithOffset(date).slice(0, 16);

export function breakingFormValues(news: BreakingNews | null): BreakingFormValues {
  return { text: news?.text ?? '', link: news?.link ?? '', expiresAt: news?.expiresAt ? istLocalValue(news.expiresAt) : '' };
}

/** Admin → Breaking news: what shows now, the form to set it, and the button to clear it. */
export function renderBreakingPage(p: BreakingPageProps): string {
  const t = breakingStringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const { stored } = p;
  const showing = stored !== null && (stored.expiresAt === null || stored.expiresAt > p.now);
  return renderAdminPage(
    { ...p.chrome, current: 'breaking' },
    t.title,
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <Notice text={p.notice} />
      {stored ? (
        <div class="card-form">
          <p>
            <strong>{showing ? t.showing : t.expired}</strong> {stored.text}
            {stored.link && (
              <>
                {' '}
                (<code lang="en">{stored.link}</code>)
              </>
            )}
          </p>
          <p class="muted">{stored.expiresAt ? t.until(formatDateTime(stored.expiresAt, style)) : t.noExpiry}</p>
          <ButtonForm action="/admin/breaking/clear" csrf={p.chrome.csrfToken} label={t.clear} />
        </div>
      ) : (
        <p class="muted">{t.none}</p>
      )}
      {Object.keys(p.errors).length > 0 && (
        <p class="form-error" role="alert">
          {t.fixErrors}
        </p>
      )}
      <form method="post" action="/admin/breaking" class="card-form">
        <Csrf token={p.chrome.csrfToken} />
        <Field name="text" label={t.text} value={p.values.text} errors={p.errors} help={t.textHelp} maxLength={MAX_BREAKING_TEXT} required />
        <Field name="link" label={t.link} value={p.values.link} errors={p.errors} help={t.linkHelp} maxLength={MAX_BREAKING_LINK} lang="en" />
        <Field name="expiresAt" label={t.expiresAt} value={p.values.expiresAt} errors={p.errors} help={t.expiresAtHelp} type="datetime-local" />
        <button type="submit" class="primary">
          {t.save}
        </button>
      </form>
    </>,
  );
}
