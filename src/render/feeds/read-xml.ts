/**
 * A strict reader for the XML the feeds write, so tests can check a feed is well-formed
 * and look inside it without an XML dependency. It refuses what a conforming XML 1.0
 * parser refuses in this subset: characters XML forbids, a bare `&` or `<` in text,
 * unknown entities, unquoted or repeated attributes, unbalanced tags, more than one root,
 * a namespace prefix never declared. It does not read DOCTYPEs (feeds have none). Pure.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** A parser reads a literal CR LF or CR as LF. */
function lineEnds(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

/** Replaces references in text or an attribute value; throws on a bare `&` or an unknown entity. */
function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new XmlSyntaxError(`'<' in text or attribute near ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
    if (ref === undefined) throw new XmlSyntaxError(`bare '&' near ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const num = /^#([0-9]+)$/.exec(ref) ?? null;
    const hex = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? null;
    const cp = num ? Number(num[1]) : hex ? parseInt(hex[1]!, 16) : NaN;
    if (!Number.isFinite(cp) || !isXmlCodePoint(cp)) throw new XmlSyntaxError(`bad reference ${match} near ${where}`);
    return String.fromCodePoint(cp);
  });
}

/** Parses `xml`; throws XmlSyntaxError when it is not well-formed. */
export function readXml(xml: string): XmlElement {
  const bad = BAD_CHAR.exec(xml);
  if (bad) throw new XmlSyntaxError(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} is not allowed in XML, at ${bad.index}`);
  let pos = 0;
  const decl = /^<\?xml\s+version="1\.[0-9]+"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(\s+standalone="(yes|no)")?\s*\?>/.exec(xml);
  if (decl) pos = decl[0].length;
  else if (xml.startsWith('<?xml')) throw new XmlSyntaxError('malformed XML declaration');

  const stack: { name: string; attrs: Record<string, string>; children: (XmlElement | string)[]; ns: Set<string> }[] = [];
  let root: XmlElement | null = null;

  const misc = (text: string, at: number) => {
    if (/\S/.test(text)) throw new XmlSyntaxError(`text outside the root element at ${at}`);
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text) {
      if (stack.length === 0) misc(text, pos);
      else {
        if (text.includes(']]>')) throw new XmlSyntaxError(`']]>' in text at ${pos}`);
        stack[stack.length - 1]!.children.push(decode(lineEnds(text), pos));
      }
    }
    if (lt < 0) break;
    pos = lt;
    if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos + 4);
      if (end < 0 || xml.slice(pos + 4, end).includes('--')) throw new XmlSyntaxError(`bad comment at ${pos}`);
      pos = end + 3;
    } else if (xml.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) throw new XmlSyntaxError(`CDATA outside the root element at ${pos}`);
      const end = xml.indexOf(']]>', pos + 9);
      if (end < 0) throw new XmlSyntaxError(`unterminated CDATA at ${pos}`);
      stack[stack.length - 1]!.children.push(lineEnds(xml.slice(pos + 9, end)));
      pos = end + 3;
    } else if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos);
      const target = /^<\?([A-Za-z_][A-Za-z0-9_.-]*)/.exec(xml.slice(pos))?.[1];
      if (end < 0 || !target || target.toLowerCase() === 'xml') throw new XmlSyntaxError(`bad processing instruction at ${pos}`);
      pos = end + 2;
    } else if (xml.startsWith('<!', pos)) {
      throw new XmlSyntaxError(`DOCTYPE or other declaration at ${pos} is not read`);
    } else if (xml.startsWith('</', pos)) {
      const m = new RegExp(`^</(${NAME})\\s*>`).exec(xml.slice(pos));
      const open = stack.pop();
      if (!m || !open || open.name !== m[1]) throw new XmlSyntaxError(`unexpected end tag at ${pos}`);
      const element: XmlElement = { name: open.name, attrs: open.attrs, children: mergeText(open.children) };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else root = element;
      pos += m[0].length;
    } else {
      const m = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`).exec(xml.slice(pos));
      if (!m) throw new XmlSyntaxError(`malformed start tag at ${pos}`);
      if (root) throw new XmlSyntaxError(`second root element at ${pos}`);
      const attrs: Record<string, string> = {};
      const ns = new Set(stack.length ? stack[stack.length - 1]!.ns : ['xml']);
      for (const a of m[2]!.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
        const key = a[1]!;
        if (key in attrs) throw new XmlSyntaxError(`repeated attribute ${key} at ${pos}`);
        // Attribute-value normalization: a literal tab or line break reads as a space (references keep theirs).
        attrs[key] = decode(lineEnds(a[2] ?? a[3] ?? '').replace(/[\t\n]/g, ' '), pos);
        if (key.startsWith('xmlns:')) ns.add(key.slice(6));
      }
      for (const name of [m[1]!, ...Object.keys(attrs)]) {
        const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : null;
        if (prefix && prefix !== 'xmlns' && !ns.has(prefix)) throw new XmlSyntaxError(`undeclared namespace prefix ${prefix} at ${pos}`);
      }
      pos += m[0].length;
      if (m[3]) {
        const element: XmlElement = { name: m[1]!, attrs, children: [] };
        if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
        else root = element;
      } else {
        stack.push({ name: m[1]!, attrs, children: [], ns });
      }
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`unclosed element <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

/** Joins neighbouring text pieces (text and CDATA) into one string. */
function mergeText(children: (XmlElement | string)[]): (XmlElement | string)[] {
  const out: (XmlElement | string)[] = [];
  for (const c of children) {
    const last = out[out.length - 1];
    if (typeof c === 'string' && typeof last === 'string') out[out.length - 1] = last + c;
    else out.push(c);
  }
  return out;
}

/** The child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The first child element named `name`, or undefined. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return childrenNamed(element, name)[0];
}

/** All the text inside an element (its own and its descendants'). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
