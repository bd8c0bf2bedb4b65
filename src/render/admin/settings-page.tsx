import type { SiteSettings } from '../../domain/settings/settings.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, fieldId, Notice } from './site-form.tsx';

/** The settings form as typed (checkboxes as booleans). */
export interface SettingsFormValues {
  siteName: string;
  siteNameLatin: string;
  tagline: string;
  readerLanguage: string;
  devanagariDigits: boolean;
  commentsEnabled: boolean;
  reportersCanPublish: boolean;
  sidebarWidget: string;
  robotsTxt: string;
  adsTxt: string;
}

export const settingsFormValues = (s: SiteSettings): SettingsFormValues => ({
  siteName: s.siteName,
  siteNameLatin: s.siteNameLatin,
  tagline: s.tagline,
  readerLanguage: s.readerLanguage,
  devanagariDigits: s.devanagariDigits,
  commentsEnabled: s.commentsEnabled,
  reportersCanPublish: s.reportersCanPublish,
  sidebarWidget: s.sidebarWidget,
  robotsTxt: s.robotsTxt,
  adsTxt: s.adsTxt,
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

/** Site-wide settings: names, tagline, the reader site's language and digits, comments, reporters publishing, sidebar widget. */
export function renderSettingsPage({ chrome, values, widgets, errors, notice }: SettingsPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  const languageId = fieldId('readerLanguage');
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
        <p class={`field${errors.readerLanguage ? ' has-error' : ''}`}>
          <label for={languageId}>{t.readerLanguage}</label>
          <select
            id={languageId}
            name="readerLanguage"
            aria-describedby={[`${languageId}-help`, errors.readerLanguage ? `${languageId}-error` : ''].filter(Boolean).join(' ')}
            {...(errors.readerLanguage ? { 'aria-invalid': 'true' as const } : {})}
          >
            <option value="hi" selected={values.readerLanguage === 'hi'}>
              {t.readerLanguages.hi}
            </option>
            <option value="en" selected={values.readerLanguage === 'en'}>
              {t.readerLanguages.en}
            </option>
          </select>
          <small id={`${languageId}-help`} class="help">
            {t.readerLanguageHelp}
          </small>
          <ErrorText id={languageId} error={errors.readerLanguage} />
        </p>
        <p class="field">
          <label>
            <input type="checkbox" name="devanagariDigits" value="1" checked={values.devanagariDigits} /> {t.devanagariDigits}
          </label>
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
        <h2>{t.searchEngines}</h2>
        <Field name="robotsTxt" label={t.robotsTxt} value={values.robotsTxt} errors={errors} help={t.robotsTxtHelp} multiline lang="en" />
        <Field name="adsTxt" label={t.adsTxt} value={values.adsTxt} errors={errors} help={t.adsTxtHelp} multiline lang="en" />
        <button type="submit" class="primary">{a.save}</button>
      </form>
    </>,
  );
}
