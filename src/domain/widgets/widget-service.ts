import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { TaggedMemoMap } from '../../cache/memo.ts';
import { type BoxInput, readBox, readCommon } from './box-forms.ts';
import { BoxSchema, type BoxData, type Figures, type FiguresInput, MAX_FIGURE_ROWS, parseFigure, type Placement, PLACEMENTS, WIDGET_KEY, type Widget, type WidgetVersion } from './widget.ts';
import type { WidgetStore } from './widget-store.ts';

/** How many saved versions the history screen lists. */
export const HISTORY_SHOWN = 20;

/** Someone told when a box changes (the live stream's `box:<key>` channel). Set once at wiring. */
export type BoxListener = (widget: Widget) => void;

export interface SaveOptions {
  /** Where the box shows by itself; undefined keeps the saved placement. */
  placement?: Placement;
  /** Who saved, for the history. */
  userId?: number | null;
}

export class WidgetService {
  /** The sidebar's widget, read on every reader page; kept until a change to it. */
  private readonly shown: TaggedMemoMap<Widget | null>;
  /** The boxes placed in the sidebar and on the home page; kept until one changes or moves. */
  private readonly placed: TaggedMemoMap<Widget[]>;
  private listeners: BoxListener[] = [];

  constructor(
    private readonly store: WidgetStore,
    private readonly now: () => Date,
    private readonly changes: ChangeFeed,
  ) {
    this.shown = new TaggedMemoMap(changes, (key) => this.store.findByKey(key), (key, tag) => tag === contentTags.widget(key));
    this.placed = new TaggedMemoMap(
      changes,
      (placement) => this.store.listPlaced(placement as Exclude<Placement, ''>),
      (_, tag) => tag === contentTags.widgets || tag.startsWith('widget:'),
    );
  }

  find(key: string): Promise<Widget | null> {
    return this.store.findByKey(key);
  }

  /**
   * The widget readers see (shared: do not mutate). For the key the site settings name, so
   * the memo holds one entry per widget a site has shown, never one per typed address.
   */
  findShown(key: string): Promise<Widget | null> {
    return WIDGET_KEY.test(key) ? this.shown.get(key) : Promise.resolve(null);
  }

  /** The boxes placed in the sidebar or on the home page, by key (shared: do not mutate). */
  placedIn(placement: Exclude<Placement, ''>): Promise<Widget[]> {
    return this.placed.get(placement);
  }

  /** Called after every save with the saved box (the live stream publishes it). Returns the unsubscribe. */
  onChange(listener: BoxListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /**
   * Saves a box whose data is already structured (the demo, imports, tests): any kind, or
   * figures without a kind as before data boxes. Validated whole by BoxSchema.
   */
  async save(key: string, title: string, data: unknown, options: SaveOptions = {}): Promise<Widget> {
    if (!WIDGET_KEY.test(key)) throw new DomainError('INVALID_INPUT', 'key');
    if (!title.trim() || title.length > 80) throw new DomainError('INVALID_INPUT', 'title');
    if (options.placement !== undefined && !PLACEMENTS.includes(options.placement)) throw new DomainError('INVALID_INPUT', 'placement');
    const parsed = BoxSchema.safeParse(data);
    if (!parsed.success) throw new DomainError('INVALID_INPUT', `figures.${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    return this.store_(key, title.trim(), parsed.data, options);
  }

  private async store_(key: string, title: string, box: BoxData, options: SaveOptions): Promise<Widget> {
    const saved = await this.store.findByKey(key);
    if (saved && saved.box.kind !== box.kind) throw new DomainError('INVALID_INPUT', 'kind', 'changed');
    const before = await this.store.upsert(key, title, box, options.placement, this.now(), options.userId ?? null);
    const widget = (await this.store.findByKey(key))!;
    // A box moving in or out of the sidebar or home page changes which boxes those pages list.
    this.changes.emit(before !== widget.placement ? [contentTags.widget(key), contentTags.widgets] : [contentTags.widget(key)]);
    for (const listener of this.listeners) listener(widget);
    return widget;
  }

  list(): Promise<Widget[]> {
    return this.store.list();
  }

  /** The box's saved versions, newest first. */
  history(key: string): Promise<WidgetVersion[]> {
    return WIDGET_KEY.test(key) ? this.store.history(key, HISTORY_SHOWN) : Promise.resolve([]);
  }

  /**
   * Saves an election, cricket or table box from its newsroom form (box-forms.ts), creating
   * it if the key is new. Errors: INVALID_INPUT on key, placement, kind ('changed': a key
   * keeps its kind), and the form's fields as box-forms.ts names them.
   */
  async updateBox(key: string, input: BoxInput, options: SaveOptions = {}): Promise<Widget> {
    if (!WIDGET_KEY.test(key)) throw new DomainError('INVALID_INPUT', 'key');
    if (options.placement !== undefined && !PLACEMENTS.includes(options.placement)) throw new DomainError('INVALID_INPUT', 'placement');
    const { title } = readCommon(input);
    return this.store_(key, title, readBox(input), options);
  }

  /**
   * Saves a widget from the newsroom's form, creating it if the key is new. Numbers
   * may be typed with Indian or international grouping; the time is IST.
   * Errors: INVALID_INPUT on key, title, rows ('empty', 'too-many'), rows.N.label,
   * rows.N.value / rows.N.delta ('not-a-number'), source, asOf; N is the row's index in `input.rows`.
   */
  async update(key: string, input: FiguresInput, options: SaveOptions = {}): Promise<Widget> {
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
    const { source, asOf } = readCommon({ ...input, title });
    return this.save(key, title, { kind: 'figures', rows, source, asOf }, options);
  }
}
