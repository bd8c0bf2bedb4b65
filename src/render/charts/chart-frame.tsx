/**
 * The accessible frame every chart shares: an inline SVG with role="img", a <title> and a
 * <desc> it is labelled by, and nothing fetched from anywhere (no fonts, images or script:
 * text inherits the page's font). Each chart is followed, in its box, by a <table> of the
 * same numbers, which is what screen readers and text browsers read in detail.
 */
import type { ComponentChildren } from 'preact';

export interface ChartFrameProps {
  /** Unique on the page: the title's and description's ids derive from it. */
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  class?: string;
  children: ComponentChildren;
}

export function ChartFrame({ id, title, desc, width, height, children, class: className }: ChartFrameProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class={`chart${className ? ` ${className}` : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}
