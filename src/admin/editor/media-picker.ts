/// <reference lib="dom" />
/**
 * The photo picker: a <dialog> (in the page) listing the media library with search,
 * and an upload form. Used for the hero photo and for photos in the body; the caller
 * says what to do with the chosen item.
 */
import type { MediaListItem } from '../../domain/media/media.ts';
import { ApiError, type EditorApi } from './api.ts';
import { byId, type EditorStrings } from './data.ts';

const SEARCH_DELAY_MS = 300;

export class MediaPicker {
  private readonly dialog: HTMLDialogElement;
  private readonly results: HTMLUListElement;
  private readonly message: HTMLElement;
  private readonly query: HTMLInputElement;
  private onPick: ((item: MediaListItem) => void) | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private readonly api: EditorApi,
    private readonly s: EditorStrings,
  ) {
    this.dialog = byId(doc, 'media-picker', HTMLDialogElement);
    this.results = byId(doc, 'media-results', HTMLUListElement);
    this.message = byId(doc, 'media-message', HTMLElement);
    this.query = byId(doc, 'media-q', HTMLInputElement);

    byId(doc, 'media-search', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.load();
    });
    this.query.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
    });
    this.dialog.addEventListener('close', () => {
      this.onPick = null;
      this.inFlight?.abort();
    });
    const upload = doc.getElementById('media-upload');
    if (upload instanceof HTMLFormElement) upload.addEventListener('submit', (event) => void this.upload(event, upload));
  }

  open(onPick: (item: MediaListItem) => void): void {
    this.onPick = onPick;
    const uploadError = this.doc.getElementById('upload-error');
    if (uploadError) uploadError.hidden = true;
    this.dialog.showModal();
    void this.load();
  }

  private choose(item: MediaListItem): void {
    const pick = this.onPick;
    this.dialog.close();
    pick?.(item);
  }

  private async load(): Promise<void> {
    clearTimeout(this.searchTimer);
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.message.textContent = this.s.loading;
    try {
      const { items, total } = await this.api.listMedia(this.query.value.trim(), controller.signal);
      if (controller.signal.aborted) return;
      this.results.replaceChildren(...items.map((item) => this.tile(item)));
      this.message.textContent = items.length ? `${items.length} / ${total}` : this.s.noResults;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.results.replaceChildren();
      this.message.textContent = `${this.s.loadFailed}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private tile(item: MediaListItem): HTMLLIElement {
    const li = this.doc.createElement('li');
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'media-tile';
    const img = this.doc.createElement('img');
    img.src = item.thumbUrl;
    img.alt = item.alt;
    img.loading = 'lazy';
    img.width = 240;
    img.height = Math.max(1, Math.round((240 * item.height) / Math.max(1, item.width)));
    const caption = this.doc.createElement('span');
    caption.textContent = item.caption || item.alt;
    button.append(img, caption);
    button.addEventListener('click', () => this.choose(item));
    li.append(button);
    return li;
  }

  private async upload(event: SubmitEvent, form: HTMLFormElement): Promise<void> {
    event.preventDefault();
    const error = byId(this.doc, 'upload-error', HTMLElement);
    const text = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    // `required` lets text of only spaces through: empty it, and the browser says what is missing.
    for (const name of ['alt', 'caption', 'credit']) {
      const input = form.elements.namedItem(name) as HTMLInputElement | null;
      if (input && !input.value.trim()) input.value = '';
    }
    if (!form.reportValidity() || !file) return;
    const data = new FormData();
    // Text fields first: a multipart reader may stop caring about fields once it has the file.
    for (const name of ['alt', 'caption', 'credit']) data.append(name, text(name));
    data.append('file', file);

    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = true;
    error.hidden = false;
    error.classList.add('pending');
    error.textContent = this.s.uploading;
    try {
      const media = await this.api.uploadMedia(data);
      error.hidden = true;
      form.reset();
      this.choose(media);
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      // The server's own words when it sent any; a proxy's bare 413 gets ours.
      const fromServer = e instanceof ApiError && e.code !== 'HTTP' ? e.message : null;
      const ours = status === 413 ? this.s.tooLarge : status === 415 ? this.s.wrongType : `${this.s.uploadFailed} (${e instanceof Error ? e.message : String(e)})`;
      error.textContent = fromServer ?? ours;
    } finally {
      error.classList.remove('pending');
      if (submit) submit.disabled = false;
    }
  }
}
