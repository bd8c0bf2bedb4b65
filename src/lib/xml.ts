/**
 * Writing XML (RSS feeds) safely: escaping for text and attributes, CDATA, and a tiny
 * element builder that escapes every string it is given, so markup can only come from
 * `el` and `cdata`. Any text is accepted: characters XML 1.0 forbids (C0 controls but tab,
 * line feed and carriage return; lone surrogates; U+FFFE and U+FFFF) are dropped, since
 * not even a character reference may name them. Pure.
 */

/** A character XML 1.0 does not allow in a document (its `Char` production, complemented). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `s` without the characters XML 1.0 forbids. */
export function stripNonXmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR (and CR LF) into LF; a reference keeps it.
  '\r': '&#13;',
};
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '\t': '&#9;', '\n': '&#10;' };

/** Text for element content: the five XML specials and CR as references, forbidden characters dropped. */
export function escapeXmlText(s: string): string {
  return stripNonXmlChars(s).replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Text for a quoted attribute value: as `escapeXmlText`, and tab and LF as references (a parser would turn them into spaces). */
export function escapeXmlAttr(s: string): string {
  return stripNonXmlChars(s).replace(/[&<>"'\r\t\n]/g, (c) => ATTR_ESCAPES[c]!);
}

/** Markup made by `el` or `cdata`: the only strings written as they are. */
export class XmlFragment {
  constructor(readonly xml: string) {}
  toString(): string {
    return this.xml;
  }
}

export type XmlChild = string | number | XmlFragment | null | undefined | false | readonly XmlChild[];
export type XmlAttrs = Record<string, string | number | null | undefined>;

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;

function flatten(children: readonly XmlChild[], out: (string | XmlFragment)[]): (string | XmlFragment)[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false || c === '') continue;
    if (Array.isArray(c)) flatten(c as readonly XmlChild[], out);
    else out.push(typeof c === 'number' ? String(c) : (c as string | XmlFragment));
  }
  return out;
}

/**
 * An element. Strings and numbers among the children are text (escaped; empty strings,
 * null, undefined and false are left out, so `cond && el(…)` works); attributes
 * with a null or undefined value are left out. An element with child elements puts each
 * child on its own line (feeds have no mixed content); one with only text stays on one line.
 */
export function el(name: string, attrs: XmlAttrs | null, ...children: XmlChild[]): XmlFragment {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${name}`);
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`not an XML attribute name: ${key}`);
    open += ` ${key}="${escapeXmlAttr(String(value))}"`;
  }
  const parts = flatten(children, []);
  if (parts.length === 0) return new XmlFragment(`${open}/>`);
  const block = parts.some((p) => p instanceof XmlFragment && p.xml.startsWith('<') && !p.xml.startsWith('<![CDATA['));
  const inner = parts.map((p) => (p instanceof XmlFragment ? p.xml : escapeXmlText(p)));
  return new XmlFragment(block ? `${open}>\n${inner.join('\n')}\n</${name}>` : `${open}>${inner.join('')}</${name}>`);
}

/** A CDATA section holding `text` exactly (forbidden characters dropped; `]]>` split across two sections). */
export function cdata(text: string): XmlFragment {
  return new XmlFragment(`<![CDATA[${stripNonXmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
}

/** A whole document: the XML declaration (UTF-8) and the root element. */
export function xmlDocument(root: XmlFragment): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.xml}\n`;
}
