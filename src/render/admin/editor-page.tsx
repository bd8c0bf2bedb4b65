/**
 * The article editor screen: the story's fields as a form, the body editor's mount
 * point and toolbar, the photo picker dialog, workflow buttons (plain form posts),
 * revisions and history; for a live story, the banner of its pending (unpublished)
 * changes; who else is editing, the edit-conflict dialog, previews and share links. The editor script (src/admin/editor) reads the article from
 * the JSON in #editor-data and saves through the JSON API; everything it needs to find
 * has an id here.
 */
import { type ArticleStatus, type EditableArticle, STORY_LANGUAGE_NAMES } from '../../domain/articles/article.ts';
import type { Section } from '../../domain/sections/section.ts';
import { formatDateTime, toIsoWithOffset } from '../../lib/dates.ts';
import { slugify } from '../../lib/slug.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import type { AdminStrings } from './admin-strings.ts';
import { TrashForm } from './trash-form.tsx';
import { type LivePanelPage, LiveBlogPanel } from './live-blog-panel.tsx';

export interface EditorPageProps {
  chrome: AdminChrome;
  article: EditableArticle;
  sections: readonly Section[];
  authors: readonly { id: number; name: string }[];
  /** Display data for the hero and body photos, by media id. */
  media: Readonly<Record<number, { src: string; alt: string; caption: string; credit: string }>>;
  can: EditorPageCan;
  revisions: readonly { number: number; createdAt: Date; userName: string | null }[];
  events: readonly { action: string; at: Date; userName: string | null; fromStatus: string | null; toStatus: string | null }[];
  /** The live story's address, when readers can see it. */
  previewUrl: string | null;
  /** The linked translation (decision 025): its id and headline; null when none. */
  translation?: { id: number; headline: string } | null;
  /** The live-blog composer (decision 027): the blog's first page, null before it is started; absent hides the panel. */
  liveBlog?: LivePanelPage | null;
}

/** What this user may do with this story; the server checks each action again. */
export interface EditorPageCan {
  publish: boolean;
  setAuthors: boolean;
  setPublishTime: boolean;
  upload: boolean;
  /** Apply a live story's pending version (Update). */
  update?: boolean;
  /** Send a live story's pending version for review (reporters, contributors). */
  submitUpdate?: boolean;
  /** Drop a live story's pending version. */
  discard?: boolean;
  /** Preview the story as readers will see it, and share preview links. */
  preview?: boolean;
}

/**
 * JSON for a <script> element: `<` is escaped so no text in the story (`</script>`,
 * `<!--`) can end the element early. JSON.parse reads `\u003c` back as `<`.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A `datetime-local` value in IST (the form's publishAt is read as IST by the server). */
function istLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : toIsoWithOffset(date).slice(0, 16);
}

type Strings = AdminStrings;

function FieldError({ name }: { name: string }) {
  return <p class="field-error" id={`error-${name}`} role="alert" hidden />;
}

/**
 * The story's dated corrections, oldest first: each one's date and text (editable until it
 * is Updated, like the rest of the story), and a box to add one. The script reads the list
 * into the save (`corrections`); a new one has no date until the server gives it one.
 */
function Corrections({ article, e, style }: { article: EditableArticle; e: Strings['editor']; style: 'hi' | 'en' }) {
  return (
    <fieldset class="field-group corrections-field" id="corrections" aria-describedby="help-corrections error-corrections">
      <legend>{e.corrections}</legend>
      <small class="help" id="help-corrections">
        {e.correctionsHelp}
      </small>
      <p id="corrections-empty" class="muted" hidden={article.corrections.length > 0}>
        {e.noCorrections}
      </p>
      <ol id="corrections-list" class="plain-list corrections-list" data-unsaved={e.correctionUnsaved} data-remove={e.removeCorrection}>
        {article.corrections.map((c, i) => (
          <li key={i} data-correction="" data-date={c.date}>
            <span class="muted correction-date">{formatDateTime(new Date(c.date), style)}</span>
            <textarea class="correction-text" rows={2} maxLength={1000} aria-label={`${e.corrections} ${i + 1}`}>
              {c.text}
            </textarea>
            <button type="button" class="link-button" data-remove-correction="">
              {e.removeCorrection}
            </button>
          </li>
        ))}
      </ol>
      <label for="new-correction">{e.newCorrection}</label>
      <textarea id="new-correction" rows={2} maxLength={1000} />
      <button type="button" id="add-correction">
        {e.addCorrection}
      </button>
      <FieldError name="corrections" />
    </fieldset>
  );
}

/** The same story in another language: the one linked, and a headline search to link one (applies at once). */
function TranslationBox({ article, translation, e }: { article: EditableArticle; translation: { id: number; headline: string } | null; e: Strings['editor'] }) {
  return (
    <section class="side-box translation" aria-labelledby="translation-title" id="translation-box" data-errors={JSON.stringify(e.translationErrors)} data-none={e.translationNone} data-linked={e.translationLinked}>
      <h2 id="translation-title">{e.translation}</h2>
      <p class="help">{e.translationHelp}</p>
      <p id="translation-current" data-id={article.translationId === null ? '' : String(article.translationId)}>
        {translation ? (
          <>
            {e.translationLinked} <a href={`/admin/articles/${translation.id}/edit`}>{translation.headline || `#${translation.id}`}</a>
          </>
        ) : article.translationId !== null ? (
          <>
            {e.translationLinked} <a href={`/admin/articles/${article.translationId}/edit`}>#{article.translationId}</a>
          </>
        ) : (
          <span class="muted">{e.translationNone}</span>
        )}
      </p>
      <button type="button" id="translation-unlink" class="link-button" hidden={article.translationId === null}>
        {e.translationUnlink}
      </button>
      <form id="translation-search" class="inline-form" role="search">
        <label for="translation-q">{e.translationFind}</label>
        <input id="translation-q" name="q" type="search" autoComplete="off" maxLength={200} />{' '}
        <button type="submit">{e.search}</button>
      </form>
      <p id="translation-message" class="muted" role="status" data-none={e.translationNoHits} />
      <ul id="translation-results" class="plain-list" data-link={e.translationLink} />
      <FieldError name="translationId" />
    </section>
  );
}

function TextField(props: { name: string; label: string; value: string; help?: string; multiline?: boolean; rows?: number; required?: boolean }) {
  const describedBy = [props.help ? `help-${props.name}` : '', `error-${props.name}`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      {props.multiline ? (
        <textarea id={props.name} name={props.name} rows={props.rows ?? 3} aria-describedby={describedBy}>
          {props.value}
        </textarea>
      ) : (
        <input id={props.name} name={props.name} type="text" value={props.value} required={props.required} aria-describedby={describedBy} />
      )}
      {props.help && (
        <small class="help" id={`help-${props.name}`}>
          {props.help}
        </small>
      )}
      <FieldError name={props.name} />
    </div>
  );
}

/** [command, symbol, label, is a toggle]. Symbols are ones every font has (no emoji); the rest show their label. */
const TOOLBAR: readonly (readonly [command: string, face: string | null, label: (e: Strings['editor']) => string, toggle: boolean])[] = [
  ['paragraph', '¶', (e) => e.paragraph, true],
  ['h2', 'H2', (e) => e.heading2, true],
  ['h3', 'H3', (e) => e.heading3, true],
  ['bold', 'B', (e) => e.bold, true],
  ['italic', 'I', (e) => e.italic, true],
  ['link', null, (e) => e.link, true],
  ['bulletList', '•', (e) => e.bulletList, true],
  ['orderedList', '1.', (e) => e.orderedList, true],
  ['quote', '“', (e) => e.quote, true],
  ['cite', null, (e) => e.cite, false],
  ['photo', null, (e) => e.photo, false],
  ['embed', '▶', (e) => e.embed, false],
  ['dataBox', null, (e) => e.dataBox, false],
];

function Toolbar({ e }: { e: Strings['editor'] }) {
  return (
    <div id="editor-toolbar" class="editor-toolbar" role="toolbar" aria-label={e.formatting} aria-controls="body-editor" hidden>
      {TOOLBAR.map(([command, face, label, toggle]) => (
        <button
          key={command}
          type="button"
          data-command={command}
          title={label(e)}
          class={`tool tool-${command}`}
          {...(face ? { 'aria-label': label(e) } : {})}
          {...(toggle ? { 'aria-pressed': 'false' } : {})}
        >
          {face && <span aria-hidden="true">{face}</span>}
          {(!face || command === 'embed') && <span class="tool-text">{label(e)}</span>}
        </button>
      ))}
    </div>
  );
}

function WorkflowButton(p: { articleId: number; csrf: string; to: ArticleStatus; label: string; primary?: boolean; publishAt?: { label: string; value: string } }) {
  return (
    <form method="post" action={`/admin/articles/${p.articleId}/transition`} class="workflow-form" data-save-first="">
      <input type="hidden" name="_csrf" value={p.csrf} />
      <input type="hidden" name="to" value={p.to} />
      {p.publishAt && (
        <label class="field">
          <span>{p.publishAt.label}</span>
          <input type="datetime-local" name="publishAt" value={p.publishAt.value} required />
        </label>
      )}
      <button type="submit" class={p.primary ? 'primary' : undefined}>
        {p.label}
      </button>
    </form>
  );
}

/** Which status changes this user is offered (article-workflow.ts has the full table; the server decides). */
function workflowButtons(p: EditorPageProps, t: Strings) {
  const e = t.editor;
  const { status, id } = p.article;
  const csrf = p.chrome.csrfToken;
  const canSchedule = p.can.publish && p.can.setPublishTime;
  const publishAt = { label: e.publishAt, value: istLocalInput(p.article.publishedAt) };
  const out = [];
  if (status === 'draft') out.push(<WorkflowButton key="review" articleId={id} csrf={csrf} to="review" label={e.submitForReview} primary={!p.can.publish} />);
  if (status !== 'published' && p.can.publish) out.push(<WorkflowButton key="published" articleId={id} csrf={csrf} to="published" label={e.publishNow} primary />);
  if ((status === 'draft' || status === 'review' || status === 'unpublished') && canSchedule) {
    out.push(<WorkflowButton key="scheduled" articleId={id} csrf={csrf} to="scheduled" label={e.schedule} publishAt={publishAt} />);
  }
  if (status === 'published' && p.can.publish) out.push(<WorkflowButton key="unpublished" articleId={id} csrf={csrf} to="unpublished" label={e.unpublish} />);
  if (status === 'review' || status === 'unpublished' || (status === 'scheduled' && p.can.publish)) {
    out.push(<WorkflowButton key="draft" articleId={id} csrf={csrf} to="draft" label={e.backToDraft} />);
  }
  return out;
}

export function renderEditorPage(props: EditorPageProps): string {
  const { chrome, article, can } = props;
  const t = stringsFor(chrome.user);
  const e = t.editor;
  const style = chrome.user?.locale === 'en' ? 'en' : 'hi';
  const section = props.sections.find((s) => s.id === article.sectionId);
  // A story readers may have seen keeps its URL unless someone changes it on purpose.
  const neverPublished = article.status === 'draft' || article.status === 'review';
  const slugFollows = neverPublished && (article.slug === '' || article.slug === slugify(article.headline));
  const hero = article.heroMediaId !== null ? props.media[article.heroMediaId] : undefined;
  const revisions = [...props.revisions].sort((a, b) => b.number - a.number);
  const latest = revisions[0]?.number;
  const eventNames: Readonly<Record<string, string>> = e.events;
  const statusName = (s: string | null) => (s && s in t.statuses ? t.statuses[s as ArticleStatus] : (s ?? ''));

  // The flags added for pending versions default to "no": a route that does not say, does not allow.
  const allowed = { ...can, update: can.update ?? false, submitUpdate: can.submitUpdate ?? false, discard: can.discard ?? false, preview: can.preview ?? false };
  const live = article.live === true;
  const previewHref = `/admin/articles/${article.id}/preview`;
  const data = {
    article,
    media: props.media,
    strings: e,
    can: allowed,
  };

  return renderAdminPage(
    chrome,
    article.headline || e.editArticle,
    <div class="editor-page">
      <div class="admin-title-row">
        <h1>{e.editArticle}</h1>
        <span class={`status status-${article.status}`}>{t.statuses[article.status]}</span>
        {props.previewUrl && (
          <a href={props.previewUrl} target="_blank" rel="noopener">
            {e.viewLive} ↗
          </a>
        )}
        {allowed.preview && (
          <>
            <a id="preview-link" href={previewHref} target="_blank" rel="noopener">
              {e.preview} ↗
            </a>
            <button type="button" id="phone-preview" class="link-button" hidden>
              {e.phonePreview}
            </button>
          </>
        )}
      </div>
      <noscript>
        <p class="form-error">{e.noScript}</p>
      </noscript>

      <p id="presence" class="presence" role="status" aria-live="polite" hidden />
      <div id="newer-notice" class="notice newer-notice" role="alert" hidden>
        <span id="newer-text" />{' '}
        <button type="button" id="newer-reload">
          {e.reload}
        </button>
      </div>
      {live && (
        <div id="pending-banner" class="pending-banner" role="region" aria-label={e.pendingBanner} hidden={!article.pending}>
          <p>
            <strong>{e.pendingBanner}</strong>
          </p>
          <p id="pending-submitted" class="muted" hidden={!article.pending?.submittedAt}>
            {article.pending?.submittedAt
              ? e.submittedBy.replace('{name}', article.pending.submittedBy ?? e.someone).replace('{time}', formatDateTime(new Date(article.pending.submittedAt), style))
              : ''}
          </p>
          <div class="button-row">
            {allowed.update && (
              <button type="button" id="update-now" class="primary">
                {e.update}
              </button>
            )}
            {allowed.submitUpdate && !allowed.update && (
              <button type="button" id="submit-update" class="primary">
                {e.submitUpdate}
              </button>
            )}
            {allowed.discard && (
              <button type="button" id="discard-pending">
                {e.discard}
              </button>
            )}
            {allowed.preview && (
              <a href={previewHref} target="_blank" rel="noopener">
                {e.preview} ↗
              </a>
            )}
          </div>
        </div>
      )}

      <div class="editor-layout">
        <form id="article-form" class="article-form" noValidate>
          <TextField name="headline" label={t.headline} value={article.headline} required />
          <TextField name="dek" label={t.dek} value={article.dek} multiline rows={2} />

          <div class="field">
            <label for="slug">{e.slug}</label>
            <div class="slug-row">
              <input id="slug" name="slug" type="text" value={article.slug} readOnly={slugFollows} data-auto={slugFollows ? 'true' : 'false'} spellcheck={false} autoComplete="off" aria-describedby="slug-preview error-slug" />
              {slugFollows && (
                <button type="button" id="edit-slug" class="link-button">
                  {e.editSlug}
                </button>
              )}
            </div>
            <small class="help">
              <output id="slug-preview" for="slug headline sectionId">{`/${section?.slug ?? ''}/${article.slug ? `${article.slug}-` : ''}${article.id}`}</output>
              {slugFollows && ` · ${e.slugHelp}`}
            </small>
            <FieldError name="slug" />
          </div>

          <div class="field-row">
            <div class="field">
              <label for="sectionId">{t.section}</label>
              <select id="sectionId" name="sectionId" aria-describedby="error-sectionId">
                {props.sections.map((s) => (
                  <option key={s.id} value={String(s.id)} data-slug={s.slug} selected={s.id === article.sectionId}>
                    {s.name}
                  </option>
                ))}
              </select>
              <FieldError name="sectionId" />
            </div>
            <TextField name="tags" label={e.tags} value={article.tagNames.join(', ')} />
          </div>

          <div class="field">
            <label for="authorIds">{e.authors}</label>
            <select id="authorIds" name="authorIds" multiple size={Math.min(6, Math.max(2, props.authors.length))} disabled={!can.setAuthors} aria-describedby="error-authorIds">
              {props.authors.map((a) => (
                <option key={a.id} value={String(a.id)} selected={article.authorIds.includes(a.id)}>
                  {a.name}
                </option>
              ))}
            </select>
            {!can.setAuthors && <small class="help">{e.authorsLocked}</small>}
            <FieldError name="authorIds" />
          </div>

          <div class="field hero-field">
            <span class="label" id="hero-label">
              {e.heroPhoto}
            </span>
            <input type="hidden" id="heroMediaId" name="heroMediaId" value={article.heroMediaId === null ? '' : String(article.heroMediaId)} />
            <div id="hero-preview" class="hero-preview" data-empty={e.noPhoto}>
              {hero ? <img src={hero.src} alt={hero.alt} /> : <p class="muted">{article.heroMediaId === null ? e.noPhoto : `${e.photoMissing} (#${article.heroMediaId})`}</p>}
            </div>
            <div class="button-row">
              <button type="button" id="choose-hero" aria-describedby="hero-label">
                {e.choosePhoto}
              </button>
              <button type="button" id="remove-hero" class="link-button" hidden={article.heroMediaId === null}>
                {e.removePhoto}
              </button>
            </div>
            <FieldError name="heroMediaId" />
          </div>

          <div class="field body-field">
            <span class="label" id="body-label">
              {e.body}
            </span>
            <Toolbar e={e} />
            <div id="body-editor" class="body-editor" aria-labelledby="body-label" />
            <FieldError name="body" />
          </div>

          <fieldset class="field-group">
            <legend>{e.seo}</legend>
            <TextField name="seoTitle" label={e.seoTitle} value={article.seoTitle} help={e.seoHelp} />
            <TextField name="seoDescription" label={e.seoDescription} value={article.seoDescription} multiline rows={2} />
          </fieldset>

          <TextField name="correctionNote" label={e.correctionNote} value={article.correctionNote} multiline rows={2} help={e.correctionHelp} />

          <Corrections article={article} e={e} style={style} />

          <div class="field">
            <label for="lang">{e.storyLanguage}</label>
            <select id="lang" name="lang" aria-describedby="error-lang">
              {Object.entries(STORY_LANGUAGE_NAMES).map(([code, name]) => (
                <option key={code} value={code} selected={article.lang === code} lang={code}>
                  {name}
                </option>
              ))}
            </select>
            <FieldError name="lang" />
          </div>

          <div class="save-bar">
            <button type="submit" id="save-now" class="primary">
              {t.save}
            </button>
            <span id="save-status" class="save-status" role="status" aria-live="polite" />
            <small class="help shortcuts">{live ? e.shortcutsLive : e.shortcuts}</small>
          </div>
        </form>

        <aside class="editor-side">
          <section class="side-box workflow">
            <h2>{e.workflow}</h2>
            {article.status === 'scheduled' && article.publishedAt && (
              <p>
                {e.scheduledFor} {formatDateTime(new Date(article.publishedAt), style)}
              </p>
            )}
            {article.status === 'published' && article.publishedAt && (
              <p>
                {e.publishedOn} {formatDateTime(new Date(article.publishedAt), style)}
              </p>
            )}
            {workflowButtons(props, t)}
            <TrashForm user={chrome.user} csrf={chrome.csrfToken} article={article} />
          </section>

          {allowed.preview && (
            <section class="side-box share-preview" aria-labelledby="share-preview-title">
              <h2 id="share-preview-title">{e.sharePreview}</h2>
              <p class="help">{e.shareHelp}</p>
              <button type="button" id="create-preview-link" disabled>
                {e.createLink}
              </button>
              <div id="new-preview-link" class="new-preview-link" hidden>
                <label for="new-preview-url">{e.linkCreated}</label>
                <div class="slug-row">
                  <input id="new-preview-url" type="text" readOnly spellcheck={false} />
                  <button type="button" id="copy-preview-link">
                    {e.copy}
                  </button>
                </div>
              </div>
              <p id="preview-links-message" class="muted" role="status" />
              <ul id="preview-links" class="plain-list preview-links" />
            </section>
          )}

          {can.publish && <TranslationBox article={article} translation={props.translation ?? null} e={e} />}

          {props.liveBlog !== undefined && <LiveBlogPanel chrome={chrome} articleId={article.id} page={props.liveBlog} readOnly={live && !can.publish} />}

          {revisions.length > 0 && (
            <section class="side-box revisions">
              <h2>{e.revisions}</h2>
              <ol class="plain-list">
                {revisions.map((r) => (
                  <li key={r.number}>
                    <span>
                      {e.revision} {r.number} · {formatDateTime(r.createdAt, style)}
                      {r.userName ? ` · ${r.userName}` : ''}
                    </span>{' '}
                    {r.number === latest ? (
                      <span class="muted">({e.latest})</span>
                    ) : (
                      <a href={`/admin/articles/${article.id}/revisions?a=${r.number}&b=${latest}`}>{e.compareWithLatest}</a>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}

          {props.events.length > 0 && (
            <section class="side-box history">
              <h2>{e.history}</h2>
              <ol class="plain-list">
                {props.events.map((ev, i) => (
                  <li key={i}>
                    <time dateTime={ev.at.toISOString()}>{formatDateTime(ev.at, style)}</time> · {ev.userName ?? e.system} · {eventNames[ev.action] ?? ev.action}
                    {ev.fromStatus && ev.toStatus && ` (${statusName(ev.fromStatus)} → ${statusName(ev.toStatus)})`}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </aside>
      </div>

      <dialog id="media-picker" class="media-picker" aria-labelledby="media-picker-title">
        <DialogHead id="media-picker-title" title={e.pickerTitle} close={e.close} />
        <form id="media-search" class="inline-form media-search" role="search">
          <label class="visually-hidden" for="media-q">
            {e.search}
          </label>
          <input id="media-q" name="q" type="search" autoComplete="off" />{' '}
          <button type="submit">{e.search}</button>
        </form>
        <p id="media-message" class="muted" role="status" />
        <ul id="media-results" class="media-grid" />
        {can.upload && (
          <details class="media-upload">
            <summary>{e.upload}</summary>
            <form id="media-upload" class="card-form" enctype="multipart/form-data">
              <p class="field">
                <label for="upload-file">{e.file}</label>
                <input id="upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required />
              </p>
              <p class="field">
                <label for="upload-alt">{e.alt}</label>
                <input id="upload-alt" name="alt" type="text" maxLength={300} required />
              </p>
              <p class="field">
                <label for="upload-caption">{e.caption}</label>
                <input id="upload-caption" name="caption" type="text" maxLength={500} required />
              </p>
              <p class="field">
                <label for="upload-credit">{e.credit}</label>
                <input id="upload-credit" name="credit" type="text" maxLength={120} required />
              </p>
              <p id="upload-error" class="field-error" role="alert" hidden />
              <button type="submit">{e.uploadButton}</button>
            </form>
          </details>
        )}
      </dialog>

      <dialog id="conflict-dialog" class="conflict-dialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
        <h2 id="conflict-title">{e.conflictTitle}</h2>
        <p id="conflict-text" />
        <p class="help">{e.conflictHelp}</p>
        <p id="conflict-error" class="field-error" role="alert" hidden />
        <div class="button-row">
          <button type="button" id="conflict-reload">
            {e.reloadTheirs}
          </button>
          <button type="button" id="conflict-keep" class="primary">
            {e.keepMine}
          </button>
        </div>
      </dialog>

      {allowed.preview && (
        <dialog id="phone-preview-dialog" class="phone-preview-dialog" aria-labelledby="phone-preview-title">
          <DialogHead id="phone-preview-title" title={e.previewTitle} close={e.close} />
          <iframe id="phone-preview-frame" title={e.previewTitle} width="375" height="667" data-src={previewHref} />
        </dialog>
      )}

      <script type="application/json" id="editor-data" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />
    </div>,
  );
}

/** A dialog's heading with its close button (a `method="dialog"` form: it works without script). */
function DialogHead({ id, title, close }: { id: string; title: string; close: string }) {
  return (
    <div class="dialog-head">
      <h2 id={id}>{title}</h2>
      <form method="dialog">
        <button type="submit" class="link-button">
          {close}
        </button>
      </form>
    </div>
  );
}
