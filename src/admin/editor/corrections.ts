/// <reference lib="dom" />
/**
 * The editor's dated corrections and its translation box (decision 025).
 *
 * Corrections are content: the list is read into every save (`corrections`), so on a live
 * story they wait in the pending version until Update like any other edit. A correction
 * added here has no date until the server gives it one; the answer to the save puts that
 * date on the item, so later saves send it back and it never moves.
 *
 * The translation link is not content: linking or unlinking is its own request and applies
 * at once (both stories' pages change together).
 */
import type { EditableCorrection } from '../../domain/articles/article.ts';
import { ApiError, type EditorApi } from './api.ts';
import { byId } from './data.ts';

/** The list as the page shows it, in order: each item's text and, once saved, its date. */
export function readCorrections(doc: Document): { text: string; date?: string }[] {
  return [...doc.querySelectorAll<HTMLLIElement>('#corrections-list [data-correction]')].map((li) => {
    const text = li.querySelector('textarea')?.value ?? '';
    return li.dataset.date ? { text, date: li.dataset.date } : { text };
  });
}

export class CorrectionsField {
  private readonly list: HTMLOListElement;
  private readonly input: HTMLTextAreaElement;

  constructor(
    private readonly doc: Document,
    private readonly lang: 'hi' | 'en',
  ) {
    this.list = byId(doc, 'corrections-list', HTMLOListElement);
    this.input = byId(doc, 'new-correction', HTMLTextAreaElement);
    byId(doc, 'add-correction', HTMLButtonElement).addEventListener('click', () => this.add());
    this.list.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest('[data-remove-correction]');
      const item = button?.closest('li');
      if (!item) return;
      item.remove();
      this.changed();
    });
  }

  /** Moves the typed text into the list (empty text is left for the server to refuse, by field). */
  private add(): void {
    const text = this.input.value.trim();
    if (!text) {
      this.input.focus();
      return;
    }
    const item = this.doc.createElement('li');
    item.dataset.correction = '';
    const date = this.doc.createElement('span');
    date.className = 'muted correction-date';
    date.textContent = this.list.dataset.unsaved ?? '';
    const area = this.doc.createElement('textarea');
    area.className = 'correction-text';
    area.rows = 2;
    area.maxLength = 1000;
    area.value = text;
    area.setAttribute('aria-label', `${this.doc.getElementById('corrections')?.querySelector('legend')?.textContent ?? ''} ${this.list.children.length + 1}`);
    const remove = this.doc.createElement('button');
    remove.type = 'button';
    remove.className = 'link-button';
    remove.dataset.removeCorrection = '';
    remove.textContent = this.list.dataset.remove ?? '';
    item.append(date, area, remove);
    this.list.append(item);
    this.input.value = '';
    this.changed();
  }

  /** After a save: the dates the server gave, on the items that had none. */
  sync(saved: readonly EditableCorrection[]): void {
    const items = [...this.list.querySelectorAll<HTMLLIElement>('[data-correction]')];
    if (items.length !== saved.length) return;
    const format = new Intl.DateTimeFormat(this.lang === 'hi' ? 'hi-IN-u-nu-latn' : 'en-IN', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Kolkata' });
    items.forEach((item, i) => {
      const date = saved[i]!.date;
      if (item.dataset.date === date) return;
      item.dataset.date = date;
      const label = item.querySelector('.correction-date');
      if (label) label.textContent = format.format(new Date(date));
    });
  }

  private changed(): void {
    byId(this.doc, 'corrections-empty', HTMLElement).hidden = this.list.children.length > 0;
    // Autosave listens for changes on the form.
    this.list.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

export class TranslationBox {
  private readonly results: HTMLUListElement;
  private readonly message: HTMLElement;
  private readonly errors: Record<string, string>;

  constructor(
    private readonly doc: Document,
    private readonly api: EditorApi,
    private readonly articleId: number,
  ) {
    const box = byId(doc, 'translation-box', HTMLElement);
    this.errors = JSON.parse(box.dataset.errors ?? '{}') as Record<string, string>;
    this.results = byId(doc, 'translation-results', HTMLUListElement);
    this.message = byId(doc, 'translation-message', HTMLElement);
    byId(doc, 'translation-search', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find(byId(doc, 'translation-q', HTMLInputElement).value.trim());
    });
    byId(doc, 'translation-unlink', HTMLButtonElement).addEventListener('click', () => void this.link(null));
  }

  private async find(q: string): Promise<void> {
    this.hideError();
    this.results.replaceChildren();
    this.message.textContent = '';
    if (!q) return;
    try {
      const stories = await this.api.translationCandidates(this.articleId, q);
      if (stories.length === 0) this.message.textContent = this.message.dataset.none ?? '';
      for (const story of stories) {
        const item = this.doc.createElement('li');
        const title = this.doc.createElement('span');
        title.textContent = `${story.headline} (${story.sectionName}, #${story.id}) `;
        const button = this.doc.createElement('button');
        button.type = 'button';
        button.dataset.linkTranslation = String(story.id);
        button.textContent = this.results.dataset.link ?? '';
        button.addEventListener('click', () => void this.link(story.id, story.headline));
        item.append(title, button);
        this.results.append(item);
      }
    } catch (error) {
      this.showError(error);
    }
  }

  private async link(id: number | null, headline = ''): Promise<void> {
    this.hideError();
    try {
      const article = await this.api.linkTranslation(this.articleId, id);
      const current = byId(this.doc, 'translation-current', HTMLElement);
      current.dataset.id = article.translationId === null ? '' : String(article.translationId);
      if (article.translationId === null) {
        const none = this.doc.createElement('span');
        none.className = 'muted';
        none.textContent = this.doc.getElementById('translation-box')?.dataset.none ?? '';
        current.replaceChildren(none);
      } else {
        const a = this.doc.createElement('a');
        a.href = `/admin/articles/${article.translationId}/edit`;
        a.textContent = headline || `#${article.translationId}`;
        current.replaceChildren(`${this.doc.getElementById('translation-box')?.dataset.linked ?? ''} `, a);
      }
      byId(this.doc, 'translation-unlink', HTMLButtonElement).hidden = article.translationId === null;
      this.results.replaceChildren();
    } catch (error) {
      this.showError(error);
    }
  }

  private showError(error: unknown): void {
    const box = byId(this.doc, 'error-translationId', HTMLElement);
    const reason = error instanceof ApiError ? error.body?.reason : undefined;
    box.textContent = (typeof reason === 'string' ? this.errors[reason] : undefined) ?? (error instanceof Error ? error.message : String(error));
    box.hidden = false;
  }

  private hideError(): void {
    byId(this.doc, 'error-translationId', HTMLElement).hidden = true;
  }
}
