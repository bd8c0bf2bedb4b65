/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The article editor's entry point (bundled by src/http/admin/admin-assets.ts). Mounts
 * Tiptap into #body-editor with the body from #editor-data, and wires the toolbar, the
 * photo picker, autosave, keyboard shortcuts and the workflow buttons. Without it the
 * workflow buttons still work (they are plain forms); editing needs it.
 */
import type { MediaListItem } from '../../domain/media/media.ts';
import type { ArticlePatch } from '../../domain/articles/article.ts';
import { Editor } from '@tiptap/core';
import { blocksToDoc, docToBlocks } from '../../richtext/prosemirror.ts';
import { DATA_BOX_KEY, isSafeHref, parseEmbedUrl, RichTextError } from '../../richtext/rich-text.ts';
import type { EditableArticle } from '../../domain/articles/article.ts';
import { ApiError, csrfTokenOf, EditorApi } from './api.ts';
import { Autosave, type SaveMode } from './autosave.ts';
import { byId, type EditorData, fill, istTime, pageLanguage, readEditorData } from './data.ts';
import { editorExtensions } from './extensions.ts';
import { insertBlockTransaction } from './insert-block.ts';
import { ArticleForm, errorKeyFor } from './form.ts';
import { CorrectionsField, TranslationBox } from './corrections.ts';
import { MediaPicker } from './media-picker.ts';
import { SharePreview, wirePhonePreview } from './share-preview.ts';
import { ConflictDialog, PresenceWatcher } from './together.ts';
import { wireToolbar } from './toolbar.ts';

function start(doc: Document): void {
  const data: EditorData = readEditorData(doc);
  const { article, strings: s, can } = data;
  const lang = pageLanguage(doc);
  const api = new EditorApi(csrfTokenOf(doc), lang, s.networkError);
  const form = new ArticleForm(doc, article.id, can.setAuthors);
  const picker = new MediaPicker(doc, api, s);
  const status = new SaveStatus(byId(doc, 'save-status', HTMLElement), s, lang);
  const corrections = new CorrectionsField(doc, lang);
  if (doc.getElementById('translation-box')) new TranslationBox(doc, api, article.id);

  const mount = byId(doc, 'body-editor', HTMLElement);
  mount.replaceChildren();
  const editor = new Editor({
    element: mount,
    extensions: editorExtensions(s),
    content: blocksToDoc(article.body, (id) => data.media[String(id)]),
    // The CSP allows no inline <style>; admin.css carries ProseMirror's rules instead.
    injectCSS: false,
    editorProps: {
      attributes: { class: 'body-editor-content', lang, 'aria-label': s.body, 'aria-describedby': 'error-body', 'aria-multiline': 'true', role: 'textbox' },
    },
  });

  const bodyError = (message: string) => {
    form.showError('body', message);
    editor.commands.focus();
  };

  // --- Saving -------------------------------------------------------------------------

  /**
   * The edit version this page's content is built on. Every save names it; the server
   * refuses (409) a save built on a version someone else has since replaced.
   */
  let version = article.version;
  /** Saves this page has started: presence tells our own new versions from others'. */
  let savesStarted = 0;
  let leaving = false;
  const reloadPage = () => {
    leaving = true;
    window.location.reload();
  };
  const conflict = new ConflictDialog(doc, s, lang, reloadPage);
  const banner = new PendingBanner(doc, s, lang, article.live);
  /** Set up below, once saving is wired; a save tells it the page caught up with its own version. */
  let presence: PresenceWatcher | null = null;

  const save = async (mode: SaveMode, force = false): Promise<boolean> => {
    status.show(s.saving, 'pending');
    const patch: ArticlePatch = form.fields();
    let invalidBody: RichTextError | null = null;
    try {
      patch.body = docToBlocks(editor.getJSON());
    } catch (error) {
      if (!(error instanceof RichTextError)) throw error;
      // The other fields are still worth saving; the body stays as typed, in the page.
      invalidBody = error;
    }
    let saved: EditableArticle;
    savesStarted++;
    try {
      const answer = await api.saveArticle(article.id, patch, { baseVersion: version, autosave: mode === 'auto', force });
      version = answer.version;
      saved = answer.article;
      corrections.sync(saved.corrections);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(String(error), 0, 'CLIENT', undefined);
      const stale = e.conflict;
      if (stale) {
        // Someone else saved since this page's version. Nothing is lost: what is typed stays
        // here, autosave stops, and the user chooses whose version wins.
        autosave.pause();
        status.show(`${s.saveFailed}: ${s.conflictTitle}`, 'error');
        conflict.show(stale, keepMine);
        return false;
      }
      form.clearErrors();
      const key = errorKeyFor(e.field);
      if (key && form.showError(key, e.message)) status.show(`${s.saveFailed}: ${s.fixFields}`, 'error');
      else status.show(`${s.saveFailed}: ${e.message}`, 'error');
      return false;
    }
    form.clearErrors();
    if (invalidBody) {
      form.showError('body', invalidBody.message);
      status.show(`${s.saveFailed}: ${s.fixFields}`, 'error');
      return false;
    }
    banner.show(saved.pending);
    presence?.caughtUp(version);
    status.saved(new Date(), mode === 'auto' ? s.autosaved : article.live ? s.savedPending : s.saved);
    return true;
  };

  /** "Keep mine as a new revision": the same fields again, forced; the server keeps theirs as a revision first. */
  const keepMine = async (): Promise<boolean> => {
    const ok = await save('explicit', true);
    if (ok) {
      autosave.markSaved();
      autosave.resume();
    } else {
      // Said inside the dialog too: it covers the status line.
      conflict.failed(status.text());
    }
    return ok;
  };

  const autosave = new Autosave(save, undefined, article.pending !== null);

  editor.on('update', () => {
    autosave.changed();
    status.show(s.unsaved, 'pending');
  });
  form.form.addEventListener('input', (event) => {
    // The body's own inputs (captions) already changed the document, which saves.
    if (mount.contains(event.target as Node)) return;
    autosave.changed();
    status.show(s.unsaved, 'pending');
  });
  form.form.addEventListener('change', (event) => {
    if (!mount.contains(event.target as Node)) autosave.changed();
  });
  form.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void autosave.now();
  });

  window.addEventListener('beforeunload', (event) => {
    if (leaving || !autosave.pending) return;
    event.preventDefault();
    event.returnValue = '';
  });

  // Workflow buttons are plain server forms; what is typed is saved before the status changes.
  for (const workflow of doc.querySelectorAll<HTMLFormElement>('form[data-save-first]')) {
    workflow.addEventListener('submit', (event) => {
      event.preventDefault();
      const buttons = [...workflow.querySelectorAll<HTMLButtonElement>('button')];
      for (const b of buttons) b.disabled = true;
      void autosave.now().then((ok) => {
        for (const b of buttons) b.disabled = false;
        if (!ok) return;
        leaving = true;
        // submit() skips the submit event, so this listener does not run again.
        workflow.submit();
      });
    });
  }

  /** Save, then one of the pending-version actions; the page reloads to show the story as it now is. */
  const pendingAction = async (action: 'update' | 'discard' | 'submitUpdate') => {
    if (action === 'discard') {
      if (!window.confirm(s.discardConfirm)) return;
      // What is typed is being thrown away: no save of it may land after the discard.
      autosave.pause();
      await autosave.idle();
    } else if (!(await autosave.now())) {
      return;
    }
    status.show(s.saving, 'pending');
    try {
      if (action === 'update') await api.applyUpdate(article.id, version);
      else if (action === 'discard') await api.discard(article.id, version);
      else await api.submitUpdate(article.id, version);
      reloadPage();
    } catch (error) {
      const e = error instanceof ApiError ? error : null;
      if (action === 'discard') autosave.resume();
      if (e?.conflict) {
        autosave.pause();
        conflict.show(e.conflict, keepMine);
      }
      status.show(`${action === 'update' ? s.updateFailed : s.actionFailed}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };
  doc.getElementById('update-now')?.addEventListener('click', () => void pendingAction('update'));
  doc.getElementById('discard-pending')?.addEventListener('click', () => void pendingAction('discard'));
  doc.getElementById('submit-update')?.addEventListener('click', () => void pendingAction('submitUpdate'));

  const publishNow = async () => {
    if (!(await autosave.now())) return;
    status.show(s.saving, 'pending');
    try {
      await api.transition(article.id, 'published');
      leaving = true;
      window.location.reload();
    } catch (error) {
      status.show(`${s.publishFailed}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };

  doc.addEventListener('keydown', (event) => {
    // Keys pressed while an IME composes (Devanagari input methods) belong to the IME.
    if (event.isComposing || event.keyCode === 229) return;
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    // With a Hindi keyboard layout `key` is a Devanagari letter; the physical key still says S or P.
    const letter = /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : event.code.replace(/^Key/, '').toLowerCase();
    if (letter === 's' && !event.shiftKey) {
      event.preventDefault();
      void autosave.now();
    } else if (letter === 'p' && event.shiftKey && article.live && can.update) {
      // A live story: save, then put the pending version in front of readers.
      event.preventDefault();
      void pendingAction('update');
    } else if (letter === 'p' && event.shiftKey && !article.live && can.publish && article.status !== 'published') {
      event.preventDefault();
      void publishNow();
    }
  });

  // --- Photos, links, embeds -----------------------------------------------------------

  /** A photo or embed goes in after the selection, never in its place (insert-block.ts says why). */
  const insertBlock = (json: { type: string; attrs: Record<string, unknown> }) => {
    const tr = insertBlockTransaction(editor.state, editor.schema.nodeFromJSON(json));
    if (!tr) return;
    editor.view.dispatch(tr);
    editor.commands.focus();
  };

  const insertPhoto = (item: MediaListItem) =>
    insertBlock({
      type: 'figureImage',
      attrs: { mediaId: item.id, caption: null, credit: null, src: item.thumbUrl, alt: item.alt, defaultCaption: item.caption, defaultCredit: item.credit },
    });

  wireToolbar(byId(doc, 'editor-toolbar', HTMLElement), editor, {
    photo: () => picker.open(insertPhoto),
    link: () => {
      const current = (editor.getAttributes('link').href as string | undefined) ?? '';
      const answer = window.prompt(s.linkPrompt, current);
      if (answer === null) return;
      let href = answer.trim();
      if (!href) {
        editor.chain().focus().extendMarkRange('link').unsetLink().run();
        return;
      }
      // "example.com/x" is what people paste from an address bar without the scheme.
      if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('/')) href = `https://${href}`;
      if (!isSafeHref(href) || href.length > 2048) {
        bodyError(s.linkInvalid);
        return;
      }
      form.clearError('body');
      if (editor.state.selection.empty && !editor.isActive('link')) {
        editor.chain().focus().insertContent({ type: 'text', text: answer.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
      } else {
        editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
      }
    },
    cite: () => {
      const current = (editor.getAttributes('blockquote').cite as string | null | undefined) ?? '';
      const answer = window.prompt(s.citePrompt, current);
      if (answer === null) return;
      editor.chain().focus().updateAttributes('blockquote', { cite: answer.trim() || null }).run();
    },
    embed: () => {
      const answer = window.prompt(s.embedPrompt, '');
      if (answer === null || !answer.trim()) return;
      const ref = parseEmbedUrl(answer);
      if (!ref) {
        bodyError(s.embedInvalid);
        return;
      }
      form.clearError('body');
      insertBlock({ type: 'embed', attrs: { provider: ref.provider, url: ref.url, caption: null } });
    },
    dataBox: () => {
      const answer = window.prompt(s.dataBoxPrompt, '');
      if (answer === null || !answer.trim()) return;
      const key = answer.trim().toLowerCase();
      if (!DATA_BOX_KEY.test(key)) {
        bodyError(s.dataBoxInvalid);
        return;
      }
      form.clearError('body');
      insertBlock({ type: 'dataBox', attrs: { key } });
    },
  });

  // --- Hero photo ---------------------------------------------------------------------

  doc.getElementById('choose-hero')?.addEventListener('click', () =>
    picker.open((item) => form.setHero({ id: item.id, src: item.thumbUrl, alt: item.alt })),
  );
  doc.getElementById('remove-hero')?.addEventListener('click', () => form.setHero(null));

  // --- Editing together, previews -----------------------------------------------------

  presence = new PresenceWatcher(doc, api, article.id, s, {
    version: () => version,
    saves: () => savesStarted,
    saving: () => autosave.inFlight,
    conflictOpen: () => conflict.open,
  }, reloadPage);
  presence.start();

  if (can.preview) {
    // A preview shows the server's working copy: what was typed in the last 2.5 s is sent first.
    const flush = () => (autosave.pending ? autosave.flush() : Promise.resolve(true));
    wirePhonePreview(doc, flush);
    for (const link of doc.querySelectorAll<HTMLAnchorElement>(`a[href="/admin/articles/${article.id}/preview"]`)) {
      link.addEventListener('click', (event) => {
        if (!autosave.pending || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        // Opened now, while the click still counts as the user's (popup blockers), then pointed at the preview.
        const tab = window.open('about:blank', '_blank');
        void flush().then(() => {
          if (tab) tab.location.href = link.href;
          else window.open(link.href, '_blank');
        });
      });
    }
    if (doc.getElementById('create-preview-link')) new SharePreview(doc, api, article.id, s, lang);
  }

  doc.body.classList.add('editor-ready');
}

/**
 * The banner on a live story with pending changes: shown as soon as a save leaves a
 * pending version (the page may have opened without one), hidden when there is none.
 */
class PendingBanner {
  private readonly el: HTMLElement | null;
  private readonly submitted: HTMLElement | null;
  private readonly when: Intl.DateTimeFormat;
  constructor(
    doc: Document,
    private readonly s: EditorData['strings'],
    lang: 'hi' | 'en',
    private readonly live: boolean,
  ) {
    this.el = doc.getElementById('pending-banner');
    this.submitted = doc.getElementById('pending-submitted');
    this.when = istTime(lang, true);
  }

  show(pending: EditableArticle['pending']): void {
    if (!this.el || !this.live) return;
    this.el.hidden = pending === null;
    if (this.submitted) {
      this.submitted.hidden = !pending?.submittedAt;
      if (pending?.submittedAt) {
        this.submitted.textContent = fill(this.s.submittedBy, { name: pending.submittedBy ?? this.s.someone, time: this.when.format(new Date(pending.submittedAt)) });
      }
    }
  }
}

/** The line next to the save button: "सेव हो गया · 14:05", or what went wrong. */
class SaveStatus {
  private readonly time: Intl.DateTimeFormat;
  constructor(
    private readonly el: HTMLElement,
    private readonly s: EditorData['strings'],
    lang: 'hi' | 'en',
  ) {
    this.time = istTime(lang);
  }

  show(text: string, kind: 'pending' | 'error' | 'ok'): void {
    this.el.textContent = text;
    this.el.dataset.state = kind;
  }

  /** "Working copy saved · 14:05" after an autosave, "Saved · 14:05" after an explicit save. */
  saved(at: Date, what: string = this.s.saved): void {
    this.show(`${what} · ${this.time.format(at)}`, 'ok');
  }

  text(): string {
    return this.el.textContent ?? '';
  }
}

start(document);
