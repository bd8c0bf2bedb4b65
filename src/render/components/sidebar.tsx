import type { Sidebar as SidebarData } from '../chrome.ts';
import type { ReaderLocale } from '../reader-locale.ts';
import { DataBox } from './data-box.tsx';
import { MostReadList } from './most-read-list.tsx';
import { UpdatesList } from './updates-list.tsx';

/** The side column of the reference page: `Updates`, then the figures box. */
export function Sidebar({ data, locale }: { data: SidebarData; locale: ReaderLocale }) {
  return (
    <aside class="sidebar">
      <UpdatesList stories={data.updates} locale={locale} />
      {data.mostRead && <MostReadList stories={data.mostRead} locale={locale} />}
      {data.widget && <DataBox widget={data.widget} locale={locale} />}
      {data.boxes?.map((box) => <DataBox key={box.key} widget={box} locale={locale} />)}
    </aside>
  );
}
