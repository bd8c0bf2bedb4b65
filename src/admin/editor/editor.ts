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
import { isSafeHref, parseEmbedUrl, RichTextError } from '../../richtext/rich-text.ts';
import { ApiError, csrfTokenOf, EditorApi } from './api.ts';
import { Autosave } from './autosave.ts';
import { byId, type EditorData, pageLanguage, readEditorData } from './data.ts';
import { editorExtensions } from './extensions.ts';
import { insertBlockTransaction } from './insert-block.ts';
import { ArticleForm, errorKeyFor } from './form.ts';
import { MediaPicker } from './media-picker.ts';
import { wireToolbar } from './toolbar.ts';

function start(doc: Document): void {
  const data: EditorData = readEditorData(doc);
  const { article, strings: s, can } = data;
  const lang = pageLanguage(doc);
  const api = new EditorApi(csrfTokenOf(doc), lang, s.networkError);
  const form = new ArticleForm(doc, article.id, can.setAuthors);
  const picker = new MediaPicker(doc, api, s);
  const status = new SaveStatus(byId(doc, 'save-status', HTMLElement), s, lang);

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

  /** The revision this page's content is based on; the server accepts it for spotting concurrent edits. */
  let revision = article.revision;

  const save = async (): Promise<boolean> => {
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
    try {
      const saved = await api.saveArticle(article.id, { ...patch, baseRevision: revision });
      if (typeof saved?.revision === 'number') revision = saved.revision;
    } catch (error) {
      form.clearErrors();
      const e = error instanceof ApiError ? error : new ApiError(String(error), 0, 'CLIENT', undefined);
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
    status.saved(new Date());
    return true;
  };
  const autosave = new Autosave(save);

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

  let leaving = false;
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
    } else if (letter === 'p' && event.shiftKey && can.publish && article.status !== 'published') {
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
  });

  // --- Hero photo ---------------------------------------------------------------------

  doc.getElementById('choose-hero')?.addEventListener('click', () =>
    picker.open((item) => form.setHero({ id: item.id, src: item.thumbUrl, alt: item.alt })),
  );
  doc.getElementById('remove-hero')?.addEventListener('click', () => form.setHero(null));

  doc.body.classList.add('editor-ready');
}

/** The line next to the save button: "सेव हो गया · 14:05", or what went wrong. */
class SaveStatus {
  private readonly time: Intl.DateTimeFormat;
  constructor(
    private readonly el: HTMLElement,
    private readonly s: EditorData['strings'],
    lang: 'hi' | 'en',
  ) {
    this.time = new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN-u-nu-latn' : 'en-IN', { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Kolkata' });
  }

  show(text: string, kind: 'pending' | 'error' | 'ok'): void {
    this.el.textContent = text;
    this.el.dataset.state = kind;
  }

  saved(at: Date): void {
    this.show(`${this.s.saved} · ${this.time.format(at)}`, 'ok');
  }
}

start(document);
