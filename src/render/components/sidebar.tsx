import type { DateStyle } from '../../lib/dates.ts';
import type { Sidebar as SidebarData } from '../chrome.ts';
import { FiguresBox } from './figures-box.tsx';
import { UpdatesList } from './updates-list.tsx';

/** The side column of the reference page: `Updates`, then the figures box. */
export function Sidebar({ data, dateStyle }: { data: SidebarData; dateStyle: DateStyle }) {
  return (
    <aside class="sidebar">
      <UpdatesList stories={data.updates} dateStyle={dateStyle} />
      {data.widget && <FiguresBox widget={data.widget} dateStyle={dateStyle} />}
    </aside>
  );
}
