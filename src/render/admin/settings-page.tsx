import type { SiteSettings } from '../../domain/settings/settings.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, fieldId, Notice } from './site-form.tsx';

/** The settings form as typed (checkboxes as booleans). */
export interface SettingsFormValues {
  siteName: string;
  siteNameLatin: string;
  tagline: string;
  dateStyle: string;
  commentsEnabled: boolean;
  reportersCanPublish: boolean;
  sidebarWidget: string;
}

export const settingsFormValues = (s: SiteSettings): SettingsFormValues => ({
  siteName: s.siteName,
  siteNameLatin: s.siteNameLatin,
  tagline: s.tagline,
  dateStyle: s.dateStyle,
  commentsEnabled: s.commentsEnabled,
  reportersCanPublish: s.reportersCanPublish,
  sidebarWidget: s.sidebarWidget,
});

export interface SettingsPageProps {
  chrome: AdminChrome;
  values: SettingsFormValues;
  /** Widgets the sidebar may show. */
  widgets: readonly { key: string; title: string }[];
  errors: FieldErrors;
  notice?: string;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span id={`${id}-error`} class="field-error">
      {error}
    </span>
  ) : null;
}

/** Site-wide settings: names, tagline, date style, comments, reporters publishing, sidebar widget. */
export function renderSettingsPage({ chrome, values, widgets, errors, notice }: SettingsPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  const dateId = fieldId('dateStyle');
  const widgetId = fieldId('sidebarWidget');
  const invalid = (name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId(name)}-error` } : {});
  const known = widgets.some((w) => w.key === values.sidebarWidget);
  return renderAdminPage(
    { ...chrome, current: 'settings' },
    a.settings,
    <>
      <h1>{a.settings}</h1>
      <Notice text={notice} />
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action="/admin/settings" class="card-form">
        <Csrf token={chrome.csrfToken} />
        <Field name="siteName" label={t.siteName} value={values.siteName} errors={errors} maxLength={60} required />
        <Field name="siteNameLatin" label={t.siteNameLatin} value={values.siteNameLatin} errors={errors} maxLength={60} required lang="en" />
        <Field name="tagline" label={t.tagline} value={values.tagline} errors={errors} maxLength={120} />
        <p class={`field${errors.dateStyle ? ' has-error' : ''}`}>
          <label for={dateId}>{t.dateStyle}</label>
          <select id={dateId} name="dateStyle" {...invalid('dateStyle')}>
            <option value="en" selected={values.dateStyle === 'en'} lang="en">
              March 21, 2023
            </option>
            <option value="hi" selected={values.dateStyle === 'hi'}>
              21 मार्च 2023
            </option>
          </select>
          <ErrorText id={dateId} error={errors.dateStyle} />
        </p>
        <p class="field">
          <label>
            <input type="checkbox" name="commentsEnabled" value="1" checked={values.commentsEnabled} /> {t.commentsEnabled}
          </label>
        </p>
        <p class="field">
          <label>
            <input type="checkbox" name="reportersCanPublish" value="1" checked={values.reportersCanPublish} /> {t.reportersCanPublish}
          </label>
        </p>
        <p class={`field${errors.sidebarWidget ? ' has-error' : ''}`}>
          <label for={widgetId}>{t.sidebarWidget}</label>
          <select id={widgetId} name="sidebarWidget" {...invalid('sidebarWidget')}>
            <option value="" selected={values.sidebarWidget === ''}>
              {t.none}
            </option>
            {widgets.map((w) => (
              <option key={w.key} value={w.key} selected={values.sidebarWidget === w.key}>
                {w.title} ({w.key})
              </option>
            ))}
            {!known && values.sidebarWidget !== '' && (
              <option value={values.sidebarWidget} selected>
                {values.sidebarWidget}
              </option>
            )}
          </select>
          <ErrorText id={widgetId} error={errors.sidebarWidget} />
        </p>
        <button type="submit" class="primary">{a.save}</button>
      </form>
    </>,
  );
}
