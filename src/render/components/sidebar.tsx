import type { Sidebar as SidebarData } from '../chrome.ts';
import type { ReaderLocale } from '../reader-locale.ts';
import { FiguresBox } from './figures-box.tsx';
import { UpdatesList } from './updates-list.tsx';

/** The side column of the reference page: `Updates`, then the figures box. */
export function Sidebar({ data, locale }: { data: SidebarData; locale: ReaderLocale }) {
  return (
    <aside class="sidebar">
      <UpdatesList stories={data.updates} locale={locale} />
      {data.widget && <FiguresBox widget={data.widget} locale={locale} />}
    </aside>
  );
}
