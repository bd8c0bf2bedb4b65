import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { migrateStoredSettings, type SiteSettings, SiteSettingsSchema } from './settings.ts';
import type { SettingsStore } from './settings-store.ts';
import { TaggedMemo } from '../../cache/memo.ts';

export class SettingsService {
  /** Every page reads the settings; they change rarely, and every change says so. */
  private readonly memo: TaggedMemo<SiteSettings>;

  constructor(
    private readonly store: SettingsStore,
    private readonly changes: ChangeFeed,
  ) {
    this.memo = new TaggedMemo(changes, async () => freezeSettings(await this.read()), { touches: (tag) => tag === contentTags.settings || tag === contentTags.commentSettings });
  }

  /** Current settings (kept in memory until a change to them; shared: do not mutate). */
  get(): Promise<SiteSettings> {
    return this.memo.get();
  }

  /** Reads the settings; a stored document that no longer validates falls back field by field to defaults. */
  private async read(): Promise<SiteSettings> {
    const stored = migrateStoredSettings(await this.store.read());
    const parsed = SiteSettingsSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    return SiteSettingsSchema.parse({});
  }

  /**
   * Changes some settings. Errors: INVALID_INPUT naming the first field at fault. With
   * `checks`, a sidebar widget must exist ('not-found') and the manual Updates list must
   * name existing stories, each once ('not-found', 'duplicate'), at least one when manual ('empty').
   */
  async update(patch: Partial<SiteSettings>, checks: SettingsChecks = {}): Promise<SiteSettings> {
    const current = await this.get();
    const trimmed = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC').trim() : v]));
    const parsed = SiteSettingsSchema.safeParse({ ...current, ...trimmed });
    if (!parsed.success) throw new DomainError('INVALID_INPUT', parsed.error.issues[0]?.path[0]?.toString());
    const next = parsed.data;
    if (patch.sidebarWidget !== undefined && next.sidebarWidget && checks.widgetExists && !(await checks.widgetExists(next.sidebarWidget))) {
      throw new DomainError('INVALID_INPUT', 'sidebarWidget', 'not-found');
    }
    if (patch.updatesIds !== undefined || patch.updatesMode !== undefined) {
      if (new Set(next.updatesIds).size !== next.updatesIds.length) throw new DomainError('INVALID_INPUT', 'updatesIds', 'duplicate');
      if (next.updatesMode === 'manual' && next.updatesIds.length === 0) throw new DomainError('INVALID_INPUT', 'updatesIds', 'empty');
      if (checks.articleExists) {
        for (const id of next.updatesIds) if (!(await checks.articleExists(id))) throw new DomainError('INVALID_INPUT', 'updatesIds', 'not-found');
      }
    }
    await this.store.write(next);
    this.changes.emit([contentTags.settings, contentTags.commentSettings]);
    return next;
  }
}

/** Lookups in other services that some settings are checked against (wired by the caller). */
export interface SettingsChecks {
  widgetExists?: (key: string) => Promise<boolean>;
  articleExists?: (id: number) => Promise<boolean>;
}

/** Settings are shared by every request while kept: frozen, arrays included, so none can change them for the others. */
function freezeSettings(settings: SiteSettings): SiteSettings {
  for (const value of Object.values(settings)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(settings);
}
