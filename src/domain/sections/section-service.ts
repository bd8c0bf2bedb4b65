import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { type NewSection, type Section, SECTION_LIMITS, type SectionInput, sectionSlugProblem } from './section.ts';
import type { SectionStore } from './section-store.ts';
import { TaggedMemo } from '../../cache/memo.ts';

export class SectionService {
  /** Every page shows the sections (the navigation); they are few and change rarely, and every change says so. */
  private readonly memo: TaggedMemo<readonly Section[]>;

  constructor(
    private readonly store: SectionStore,
    private readonly changes: ChangeFeed,
  ) {
    this.memo = new TaggedMemo(changes, async () => Object.freeze((await this.store.list()).map((s) => Object.freeze(s))), {
      touches: (tag) => tag === contentTags.nav || tag.startsWith('section:'),
    });
  }

  /** The sections in menu order (a fresh array; the sections themselves are shared and frozen). */
  async list(): Promise<Section[]> {
    return [...(await this.memo.get())];
  }

  async findById(id: number): Promise<Section | null> {
    return (await this.memo.get()).find((s) => s.id === id) ?? null;
  }

  async findBySlug(slug: string): Promise<Section | null> {
    return (await this.memo.get()).find((s) => s.slug === slug) ?? null;
  }

  /**
   * Adds a section. Without a position it goes to the end of the menu.
   * Errors: INVALID_INPUT on name, nameLatin, slug ('format', 'reserved', 'taken') or description.
   */
  async create(input: NewSection): Promise<Section> {
    const clean = cleanSection({ ...input, description: input.description ?? '' });
    if (await this.store.findBySlug(clean.slug)) throw new DomainError('INVALID_INPUT', 'slug', 'taken');
    const position = input.position ?? (await this.store.maxPosition()) + 1;
    const section = await this.store.insert({ ...clean, position });
    this.changes.emit([contentTags.nav]);
    return section;
  }

  /** Changes a section's names, slug and description; its stories move with it (links go by id). */
  async update(id: number, input: SectionInput): Promise<Section> {
    if (!(await this.store.findById(id))) throw new DomainError('NOT_FOUND');
    const clean = cleanSection(input);
    const other = await this.store.findBySlug(clean.slug);
    if (other && other.id !== id) throw new DomainError('INVALID_INPUT', 'slug', 'taken');
    await this.store.update(id, clean);
    // Its name is in every page's menu; its stories' addresses contain its slug.
    this.changes.emit([contentTags.nav, contentTags.section(id)]);
    return (await this.store.findById(id))!;
  }

  /** Moves a section one place up or down the menu; at either end nothing changes. */
  async move(id: number, direction: 'up' | 'down'): Promise<void> {
    const ids = (await this.store.list()).map((s) => s.id);
    const i = ids.indexOf(id);
    if (i < 0) throw new DomainError('NOT_FOUND');
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await this.store.reorder(ids);
    this.changes.emit([contentTags.nav, contentTags.home]);
  }
}

/** Trims and checks a section's fields; throws INVALID_INPUT naming the first field at fault. */
function cleanSection(input: SectionInput): SectionInput {
  const name = input.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const nameLatin = input.nameLatin.normalize('NFC').replace(/\s+/g, ' ').trim();
  const slug = input.slug.trim().toLowerCase();
  const description = input.description.normalize('NFC').trim();
  if (!name || name.length > SECTION_LIMITS.name) throw new DomainError('INVALID_INPUT', 'name');
  if (!nameLatin || nameLatin.length > SECTION_LIMITS.nameLatin) throw new DomainError('INVALID_INPUT', 'nameLatin');
  const problem = sectionSlugProblem(slug);
  if (problem) throw new DomainError('INVALID_INPUT', 'slug', problem);
  if (description.length > SECTION_LIMITS.description) throw new DomainError('INVALID_INPUT', 'description');
  return { name, nameLatin, slug, description };
}
