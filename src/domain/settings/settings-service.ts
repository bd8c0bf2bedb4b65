import { DomainError } from '../../errors.ts';
import { type SiteSettings, SiteSettingsSchema } from './settings.ts';
import type { SettingsStore } from './settings-store.ts';

export class SettingsService {
  constructor(private readonly store: SettingsStore) {}

  /** Current settings; a stored document that no longer validates falls back field by field to defaults. */
  async get(): Promise<SiteSettings> {
    const stored = await this.store.read();
    const parsed = SiteSettingsSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    return SiteSettingsSchema.parse({});
  }

  async update(patch: Partial<SiteSettings>): Promise<SiteSettings> {
    const current = await this.get();
    const parsed = SiteSettingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) throw new DomainError('INVALID_INPUT', parsed.error.issues[0]?.path.join('.'));
    await this.store.write(parsed.data);
    return parsed.data;
  }
}
