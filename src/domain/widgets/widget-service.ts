import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { parseIstLocal, toIsoWithOffset } from '../../lib/dates.ts';
import { type Figures, type FiguresInput, FiguresSchema, type FiguresWidget, MAX_FIGURE_ROWS, parseFigure, WIDGET_KEY } from './widget.ts';
import type { WidgetStore } from './widget-store.ts';
import { TaggedMemoMap } from '../../cache/memo.ts';

export class WidgetService {
  /** The sidebar's widget, read on every reader page; kept until a change to it. */
  private readonly shown: TaggedMemoMap<FiguresWidget | null>;

  constructor(
    private readonly store: WidgetStore,
    private readonly now: () => Date,
    private readonly changes: ChangeFeed,
  ) {
    this.shown = new TaggedMemoMap(changes, (key) => this.store.findByKey(key), (key, tag) => tag === contentTags.widget(key));
  }

  find(key: string): Promise<FiguresWidget | null> {
    return this.store.findByKey(key);
  }

  /**
   * The widget readers see (shared: do not mutate). For the key the site settings name, so
   * the memo holds one entry per widget a site has shown, never one per typed address.
   */
  findShown(key: string): Promise<FiguresWidget | null> {
    return WIDGET_KEY.test(key) ? this.shown.get(key) : Promise.resolve(null);
  }

  async save(key: string, title: string, figures: unknown): Promise<void> {
    if (!WIDGET_KEY.test(key)) throw new DomainError('INVALID_INPUT', 'key');
    if (!title.trim() || title.length > 80) throw new DomainError('INVALID_INPUT', 'title');
    const parsed = FiguresSchema.safeParse(figures);
    if (!parsed.success) throw new DomainError('INVALID_INPUT', `figures.${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    await this.store.upsert(key, title.trim(), parsed.data, this.now());
    this.changes.emit([contentTags.widget(key)]);
  }

  list(): Promise<FiguresWidget[]> {
    return this.store.list();
  }

  /**
   * Saves a widget from the newsroom's form, creating it if the key is new. Numbers
   * may be typed with Indian or international grouping; the time is IST.
   * Errors: INVALID_INPUT on key, title, rows ('empty', 'too-many'), rows.N.label,
   * rows.N.value / rows.N.delta ('not-a-number'), source, asOf; N is the row's index in `input.rows`.
   */
  async update(key: string, input: FiguresInput): Promise<FiguresWidget> {
    if (!WIDGET_KEY.test(key)) throw new DomainError('INVALID_INPUT', 'key');
    const title = input.title.normalize('NFC').trim();
    if (!title || title.length > 80) throw new DomainError('INVALID_INPUT', 'title');
    const rows: Figures['rows'] = [];
    for (const [i, row] of input.rows.entries()) {
      const label = row.label.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (!label && !row.value.trim() && !row.delta.trim()) continue;
      if (rows.length === MAX_FIGURE_ROWS) throw new DomainError('INVALID_INPUT', 'rows', 'too-many');
      if (!label || label.length > 80) throw new DomainError('INVALID_INPUT', `rows.${i}.label`);
      const value = parseFigure(row.value);
      if (value === null) throw new DomainError('INVALID_INPUT', `rows.${i}.value`, 'not-a-number');
      const delta = row.delta.trim() ? parseFigure(row.delta) : undefined;
      if (delta === null) throw new DomainError('INVALID_INPUT', `rows.${i}.delta`, 'not-a-number');
      rows.push(delta === undefined ? { label, value } : { label, value, delta });
    }
    if (rows.length === 0) throw new DomainError('INVALID_INPUT', 'rows', 'empty');
    const source = input.source.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (source.length > 120) throw new DomainError('INVALID_INPUT', 'source');
    const asOf = parseIstLocal(input.asOf.trim());
    if (!asOf) throw new DomainError('INVALID_INPUT', 'asOf');
    await this.save(key, title, { rows, source, asOf: toIsoWithOffset(asOf) });
    return (await this.store.findByKey(key))!;
  }
}
