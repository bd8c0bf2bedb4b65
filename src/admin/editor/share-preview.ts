/// <reference lib="dom" />
/**
 * The "Share preview" box: makes a signed preview link for someone outside the newsroom
 * (its URL is shown once, with a copy button: the server keeps only a hash), lists the
 * active links with their expiry, and revokes them. Also the phone-width preview dialog.
 */
import { ApiError, type EditorApi, type PreviewLink } from './api.ts';
import { byId, type EditorStrings, fill, istTime } from './data.ts';

export class SharePreview {
  private readonly list: HTMLUListElement;
  private readonly message: HTMLElement;
  private readonly create: HTMLButtonElement;
  private readonly when: Intl.DateTimeFormat;

  constructor(
    private readonly doc: Document,
    private readonly api: EditorApi,
    private readonly articleId: number,
    private readonly s: EditorStrings,
    lang: 'hi' | 'en',
  ) {
    this.list = byId(doc, 'preview-links', HTMLUListElement);
    this.message = byId(doc, 'preview-links-message', HTMLElement);
    this.create = byId(doc, 'create-preview-link', HTMLButtonElement);
    this.when = istTime(lang, true);
    const url = byId(doc, 'new-preview-url', HTMLInputElement);
    const copy = byId(doc, 'copy-preview-link', HTMLButtonElement);

    this.create.addEventListener('click', () => void this.make());
    url.addEventListener('focus', () => url.select());
    copy.addEventListener('click', () => {
      url.select();
      // The clipboard API needs a secure context; a plain-http newsroom gets the selected text to copy by hand.
      void navigator.clipboard?.writeText(url.value).then(
        () => (copy.textContent = this.s.copied),
        () => undefined,
      );
    });
    this.create.disabled = false;
    void this.load();
  }

  private async make(): Promise<void> {
    this.create.disabled = true;
    try {
      const link = await this.api.createPreviewLink(this.articleId);
      const box = byId(this.doc, 'new-preview-link', HTMLElement);
      const url = byId(this.doc, 'new-preview-url', HTMLInputElement);
      // The server may answer with a path; the person outside needs the whole address.
      url.value = new URL(link.url ?? '', this.doc.location.href).href;
      byId(this.doc, 'copy-preview-link', HTMLButtonElement).textContent = this.s.copy;
      box.hidden = false;
      url.focus();
      await this.load();
    } catch (error) {
      this.message.textContent = `${this.s.actionFailed}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.create.disabled = false;
    }
  }

  private async load(): Promise<void> {
    try {
      const links = await this.api.listPreviewLinks(this.articleId);
      this.list.replaceChildren(...links.map((link) => this.item(link)));
      this.message.textContent = links.length ? '' : this.s.noLinks;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.message.textContent = `${this.s.actionFailed}: ${error.message}`;
    }
  }

  private item(link: PreviewLink): HTMLLIElement {
    const li = this.doc.createElement('li');
    li.dataset.linkId = String(link.id);
    const text = this.doc.createElement('span');
    const parts = [fill(this.s.linkExpires, { time: this.when.format(new Date(link.expiresAt)) })];
    if (link.createdBy) parts.push(fill(this.s.linkBy, { name: link.createdBy }));
    text.textContent = parts.join(' · ');
    const revoke = this.doc.createElement('button');
    revoke.type = 'button';
    revoke.className = 'link-button';
    revoke.textContent = this.s.revoke;
    revoke.addEventListener('click', () => {
      revoke.disabled = true;
      void this.api.revokePreviewLink(this.articleId, link.id).then(
        () => this.load(),
        (error: unknown) => {
          revoke.disabled = false;
          this.message.textContent = `${this.s.actionFailed}: ${error instanceof Error ? error.message : String(error)}`;
        },
      );
    });
    li.append(text, ' ', revoke);
    return li;
  }
}

/** The phone-width preview: the reader page with the pending changes in a 375 px frame. */
export function wirePhonePreview(doc: Document, beforeOpen: () => Promise<unknown>): void {
  const button = doc.getElementById('phone-preview');
  const dialog = doc.getElementById('phone-preview-dialog');
  const frame = doc.getElementById('phone-preview-frame');
  if (!(button instanceof HTMLButtonElement) || !(dialog instanceof HTMLDialogElement) || !(frame instanceof HTMLIFrameElement)) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    void beforeOpen().then(() => {
      // A fresh load each time: the preview is never cached, and shows what was just saved.
      frame.src = frame.dataset.src ?? 'about:blank';
      dialog.showModal();
    });
  });
  dialog.addEventListener('close', () => (frame.src = 'about:blank'));
}
