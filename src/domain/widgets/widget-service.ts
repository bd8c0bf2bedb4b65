import { DomainError } from '../../errors.ts';
import { FiguresSchema, type FiguresWidget } from './widget.ts';
import type { WidgetStore } from './widget-store.ts';

export class WidgetService {
  constructor(
    private readonly store: WidgetStore,
    private readonly now: () => Date,
  ) {}

  find(key: string): Promise<FiguresWidget | null> {
    return this.store.findByKey(key);
  }

  async save(key: string, title: string, figures: unknown): Promise<void> {
    if (!/^[a-z0-9-]{1,40}$/.test(key)) throw new DomainError('INVALID_INPUT', 'key');
    if (!title.trim() || title.length > 80) throw new DomainError('INVALID_INPUT', 'title');
    const parsed = FiguresSchema.safeParse(figures);
    if (!parsed.success) throw new DomainError('INVALID_INPUT', `figures.${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    await this.store.upsert(key, title.trim(), parsed.data, this.now());
  }
}
