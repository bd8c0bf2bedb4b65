/// <reference lib="dom" />
/**
 * The article form around the body editor: reads the fields into an ArticlePatch,
 * keeps the slug in step with the headline until someone edits it, and shows the
 * server's field errors next to the field they name.
 */
import type { ArticlePatch } from '../../domain/articles/article.ts';
import { slugify } from '../../lib/slug.ts';
import { readCorrections } from './corrections.ts';
import { byId } from './data.ts';

/** Server field names → the key of the element an error is shown in (`#error-<key>`). */
const FIELD_KEYS: Record<string, string> = {
  headline: 'headline',
  dek: 'dek',
  slug: 'slug',
  sectionId: 'sectionId',
  tagNames: 'tags',
  authorIds: 'authorIds',
  heroMediaId: 'heroMediaId',
  seoTitle: 'seoTitle',
  seoDescription: 'seoDescription',
  correctionNote: 'correctionNote',
  corrections: 'corrections',
  lang: 'lang',
  body: 'body',
};

/** `body.blocks.3.url` → `body`; `tagNames.2` → `tags`; a field the form does not have → null. */
export function errorKeyFor(field: string | undefined): string | null {
  if (!field) return null;
  const head = field.split('.')[0] ?? '';
  // Paths from parseRichText (`blocks.3…`) and from the editor's JSON (`content.3…`) are the body's too.
  if (head === 'blocks' || head === 'content') return 'body';
  return FIELD_KEYS[head] ?? null;
}

/** "चुनाव, बिहार ,, Election" → ['चुनाव', 'बिहार', 'Election']; repeats dropped. */
export function splitTags(text: string): string[] {
  const tags = text
    .split(/[,،]/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return [...new Set(tags)];
}

export class ArticleForm {
  readonly form: HTMLFormElement;
  private readonly headline: HTMLInputElement;
  private readonly slug: HTMLInputElement;
  private readonly section: HTMLSelectElement;
  private readonly hero: HTMLInputElement;
  private slugFollowsHeadline: boolean;

  constructor(
    private readonly doc: Document,
    private readonly articleId: number,
    private readonly canSetAuthors: boolean,
  ) {
    this.form = byId(doc, 'article-form', HTMLFormElement);
    this.headline = byId(doc, 'headline', HTMLInputElement);
    this.slug = byId(doc, 'slug', HTMLInputElement);
    this.section = byId(doc, 'sectionId', HTMLSelectElement);
    this.hero = byId(doc, 'heroMediaId', HTMLInputElement);
    // The page decides: a never-published story whose slug still matches its headline.
    this.slugFollowsHeadline = this.slug.dataset.auto === 'true';

    this.headline.addEventListener('input', () => {
      if (this.slugFollowsHeadline) this.slug.value = slugify(this.headline.value);
      this.showPath();
    });
    this.slug.addEventListener('input', () => this.showPath());
    this.section.addEventListener('change', () => this.showPath());
    doc.getElementById('edit-slug')?.addEventListener('click', (event) => {
      this.slugFollowsHeadline = false;
      this.slug.readOnly = false;
      (event.currentTarget as HTMLElement).hidden = true;
      this.slug.focus();
    });
    this.showPath();
  }

  /** Everything but the body, read fresh from the inputs. */
  fields(): Omit<ArticlePatch, 'body'> {
    const value = (id: string) => (this.doc.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
    const patch: Omit<ArticlePatch, 'body'> = {
      headline: this.headline.value,
      dek: value('dek'),
      slug: this.slug.value.trim(),
      sectionId: Number(this.section.value),
      tagNames: splitTags(value('tags')),
      heroMediaId: this.hero.value ? Number(this.hero.value) : null,
      seoTitle: value('seoTitle'),
      seoDescription: value('seoDescription'),
      correctionNote: value('correctionNote'),
      corrections: readCorrections(this.doc),
      lang: value('lang') || 'hi',
    };
    const authors = this.doc.getElementById('authorIds');
    // A disabled select is not the user's to set; leaving it out keeps the server's value.
    if (this.canSetAuthors && authors instanceof HTMLSelectElement && !authors.disabled) {
      patch.authorIds = [...authors.selectedOptions].map((o) => Number(o.value));
    }
    return patch;
  }

  setHero(item: { id: number; src: string; alt: string } | null): void {
    this.hero.value = item ? String(item.id) : '';
    const preview = this.doc.getElementById('hero-preview');
    if (preview) {
      if (item) {
        const img = this.doc.createElement('img');
        img.src = item.src;
        img.alt = item.alt;
        preview.replaceChildren(img);
      } else {
        const empty = this.doc.createElement('p');
        empty.className = 'muted';
        empty.textContent = preview.dataset.empty ?? '';
        preview.replaceChildren(empty);
      }
    }
    const remove = this.doc.getElementById('remove-hero');
    if (remove) remove.hidden = !item;
    // Hidden inputs fire no events of their own; autosave listens for this one.
    this.hero.dispatchEvent(new Event('change', { bubbles: true }));
  }

  showError(key: string, message: string): boolean {
    const box = this.doc.getElementById(`error-${key}`);
    if (!box) return false;
    box.textContent = message;
    box.hidden = false;
    this.doc.getElementById(key)?.setAttribute('aria-invalid', 'true');
    return true;
  }

  clearError(key: string): void {
    const box = this.doc.getElementById(`error-${key}`);
    if (box) box.hidden = true;
    this.doc.getElementById(key)?.removeAttribute('aria-invalid');
  }

  clearErrors(): void {
    for (const key of new Set(Object.values(FIELD_KEYS))) this.clearError(key);
  }

  private showPath(): void {
    const out = this.doc.getElementById('slug-preview');
    if (!out) return;
    const sectionSlug = this.section.selectedOptions[0]?.dataset.slug ?? '';
    const slug = this.slug.value.trim();
    out.textContent = `/${sectionSlug}/${slug ? `${slug}-` : ''}${this.articleId}`;
  }
}
