/// <reference lib="dom" />
/**
 * What the editor page hands the script: the article, display data for its photos,
 * interface strings in the user's language and the user's permissions, as JSON in
 * `<script type="application/json" id="editor-data">`. Types come from the server's
 * modules with `import type`, so they are checked at build time and cost nothing in the bundle.
 */
import type { EditableArticle } from '../../domain/articles/article.ts';
import type { AdminStrings } from '../../render/admin/admin-strings.ts';
import type { MediaDisplay } from '../../richtext/prosemirror.ts';

export type EditorStrings = AdminStrings['editor'];

export interface EditorCan {
  publish: boolean;
  setAuthors: boolean;
  setPublishTime: boolean;
  upload: boolean;
  /** Apply a live story's pending version to readers (Update, Ctrl/⌘+Shift+P). */
  update: boolean;
  /** Send a live story's pending version for review. */
  submitUpdate: boolean;
  discard: boolean;
  /** Preview and share preview links. */
  preview: boolean;
}

export interface EditorData {
  article: EditableArticle;
  /** Keys are media ids (JSON object keys are strings). */
  media: Record<string, MediaDisplay>;
  strings: EditorStrings;
  can: EditorCan;
}

export function readEditorData(doc: Document): EditorData {
  const script = doc.getElementById('editor-data');
  if (!script?.textContent) throw new Error('editor: #editor-data is missing');
  return JSON.parse(script.textContent) as EditorData;
}

/** The user's interface language, which the page sets on <html>. */
export function pageLanguage(doc: Document): 'hi' | 'en' {
  return doc.documentElement.lang === 'en' ? 'en' : 'hi';
}

/** Looks up an element the page must contain; a missing one is a bug in the page, not the user's problem. */
export function byId<T extends HTMLElement>(doc: Document, id: string, type: new () => T): T {
  const el = doc.getElementById(id);
  if (!(el instanceof type)) throw new Error(`editor: #${id} is missing or not a ${type.name}`);
  return el;
}

/** `'{name} saved at {time}'` with the values put in (the strings arrive as JSON, so templates, not functions). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Date and time in IST as the newsroom reads it: "21 मार्च, 2:05 pm". */
export function istTime(lang: 'hi' | 'en', withDate = false): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN-u-nu-latn' : 'en-IN', {
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Asia/Kolkata',
  });
}
