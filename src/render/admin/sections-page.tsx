import type { Section } from '../../domain/sections/section.ts';
import { SECTION_LIMITS } from '../../domain/sections/section.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor, type SiteAdminStrings } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, MoveButtons, Notice } from './site-form.tsx';

/** A section form as typed. */
export interface SectionFormValues {
  name: string;
  nameLatin: string;
  slug: string;
  description: string;
}

export const emptySectionForm = (): SectionFormValues => ({ name: '', nameLatin: '', slug: '', description: '' });

export const sectionFormValues = (s: Section): SectionFormValues => ({ name: s.name, nameLatin: s.nameLatin, slug: s.slug, description: s.description });

function SectionFields({ values, errors, t }: { values: SectionFormValues; errors: FieldErrors; t: SiteAdminStrings }) {
  return (
    <>
      <Field name="name" label={t.sectionName} value={values.name} errors={errors} maxLength={SECTION_LIMITS.name} required />
      <Field name="nameLatin" label={t.nameLatin} value={values.nameLatin} errors={errors} maxLength={SECTION_LIMITS.nameLatin} required lang="en" />
      <Field name="slug" label={t.slug} value={values.slug} errors={errors} maxLength={60} required lang="en" help={t.slugHelp} />
      <Field name="description" label={t.description} value={values.description} errors={errors} maxLength={SECTION_LIMITS.description} multiline />
    </>
  );
}

export interface SectionsPageProps {
  chrome: AdminChrome;
  sections: readonly Section[];
  /** The "new section" form: what was typed and what is wrong with it. */
  create: { values: SectionFormValues; errors: FieldErrors };
  notice?: string;
}

/** The sections in menu order, with up/down buttons, edit links and a form for a new one. */
export function renderSectionsPage({ chrome, sections, create, notice }: SectionsPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  return renderAdminPage(
    { ...chrome, current: 'sections' },
    a.sections,
    <>
      <h1>{a.sections}</h1>
      <Notice text={notice} />
      <p class="muted">{t.sectionsHelp}</p>
      {sections.length === 0 ? (
        <p class="muted">{a.nothingHere}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.position}</th>
              <th>{t.sectionName}</th>
              <th>{t.nameLatin}</th>
              <th>{t.slug}</th>
              <th>{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s, i) => (
              <tr key={s.id}>
                <td>{i + 1}</td>
                <td>
                  <a href={`/admin/sections/${s.id}/edit`}>{s.name}</a>
                </td>
                <td lang="en">{s.nameLatin}</td>
                <td>
                  <a href={`/${s.slug}`} lang="en">
                    /{s.slug}
                  </a>
                </td>
                <td>
                  <div class="button-row">
                    <MoveButtons action={`/admin/sections/${s.id}/move`} csrf={chrome.csrfToken} t={t} first={i === 0} last={i === sections.length - 1} name={s.name} />
                    <a href={`/admin/sections/${s.id}/edit`}>{a.edit}</a>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/admin/sections" class="card-form" id="new-section">
        <h2>{t.newSection}</h2>
        <ErrorSummary errors={create.errors} t={t} />
        <Csrf token={chrome.csrfToken} />
        <SectionFields values={create.values} errors={create.errors} t={t} />
        <button type="submit" class="primary">{t.create}</button>
      </form>
    </>,
  );
}

export interface SectionEditPageProps {
  chrome: AdminChrome;
  section: Section;
  values: SectionFormValues;
  errors: FieldErrors;
  notice?: string;
}

export function renderSectionEditPage({ chrome, section, values, errors, notice }: SectionEditPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  return renderAdminPage(
    { ...chrome, current: 'sections' },
    `${t.editSection}: ${section.name}`,
    <>
      <p>
        <a href="/admin/sections">{t.back}</a>
      </p>
      <h1>
        {t.editSection}: {section.name}
      </h1>
      <Notice text={notice} />
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={`/admin/sections/${section.id}`} class="card-form">
        <Csrf token={chrome.csrfToken} />
        <SectionFields values={values} errors={errors} t={t} />
        <button type="submit" class="primary">{a.save}</button>{' '}
        <a href={`/${section.slug}`}>{t.viewOnSite}</a>
      </form>
    </>,
  );
}
