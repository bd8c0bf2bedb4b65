import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cdata, el, escapeXmlAttr, escapeXmlText, stripNonXmlChars, XmlFragment, xmlDocument } from './xml.ts';

describe('stripNonXmlChars', () => {
  it('drops C0 controls but keeps tab, line feed and carriage return', () => {
    assert.equal(stripNonXmlChars('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg'), 'abcdefg');
    assert.equal(stripNonXmlChars('a\tb\nc\rd'), 'a\tb\nc\rd');
  });

  it('drops lone surrogates and U+FFFE/U+FFFF, keeps pairs, DEL, C1 and Hindi', () => {
    assert.equal(stripNonXmlChars('x\uD800y\uDC00z\uFFFE\uFFFF'), 'xyz');
    assert.equal(stripNonXmlChars('😀 \u007f\u0085 पुतिन \uFFFD'), '😀 \u007f\u0085 पुतिन \uFFFD');
  });
});

describe('escapeXmlText / escapeXmlAttr', () => {
  it('escapes the five specials', () => {
    assert.equal(escapeXmlText(`Tom & "Jerry" <'x'>`), 'Tom &amp; &quot;Jerry&quot; &lt;&apos;x&apos;&gt;');
    assert.equal(escapeXmlAttr(`Tom & "Jerry" <'x'>`), 'Tom &amp; &quot;Jerry&quot; &lt;&apos;x&apos;&gt;');
  });

  it('does not double-escape what looks like a reference', () => {
    assert.equal(escapeXmlText('&amp; &#38; &lt;'), '&amp;amp; &amp;#38; &amp;lt;');
  });

  it('keeps a carriage return (and in attributes tab and line feed) as references', () => {
    assert.equal(escapeXmlText('a\r\nb\tc'), 'a&#13;\nb\tc');
    assert.equal(escapeXmlAttr('a\r\nb\tc'), 'a&#13;&#10;b&#9;c');
  });

  it('strips forbidden characters', () => {
    assert.equal(escapeXmlText('a\u0001<\u0002'), 'a&lt;');
    assert.equal(escapeXmlAttr('\uFFFF"'), '&quot;');
  });

  it('leaves ]]> harmless in text', () => {
    assert.equal(escapeXmlText(']]>'), ']]&gt;');
  });
});

describe('el', () => {
  it('escapes text children and attribute values', () => {
    assert.equal(el('title', { lang: 'a"b' }, '<b>&</b>').xml, '<title lang="a&quot;b">&lt;b&gt;&amp;&lt;/b&gt;</title>');
  });

  it('leaves out null, undefined, false and empty children, and null or undefined attributes', () => {
    assert.equal(el('x', { a: null, b: undefined, c: 0 }, null, undefined, false, '').xml, '<x c="0"/>');
  });

  it('puts child elements on their own lines and flattens arrays', () => {
    const xml = el('channel', null, el('title', null, 'T'), [el('item', null, 'a'), [el('item', null, 'b')]]).xml;
    assert.equal(xml, '<channel>\n<title>T</title>\n<item>a</item>\n<item>b</item>\n</channel>');
  });

  it('writes numbers as text', () => {
    assert.equal(el('length', null, 42).xml, '<length>42</length>');
  });

  it('refuses names that are not XML names', () => {
    assert.throws(() => el('a b', null));
    assert.throws(() => el('x', { 'on"x': '1' }));
    assert.throws(() => el('<x', null));
  });

  it('writes a fragment as it is (markup only comes from el and cdata)', () => {
    assert.equal(el('a', null, new XmlFragment('<b/>')).xml, '<a>\n<b/>\n</a>');
  });
});

describe('cdata', () => {
  it('wraps text, splitting ]]> across sections and dropping forbidden characters', () => {
    assert.equal(cdata('<p>a & b</p>').xml, '<![CDATA[<p>a & b</p>]]>');
    assert.equal(cdata('x]]>y\u0001').xml, '<![CDATA[x]]]]><![CDATA[>y]]>');
  });

  it('keeps an element with CDATA on one line', () => {
    assert.equal(el('c', null, cdata('<p/>')).xml, '<c><![CDATA[<p/>]]></c>');
  });
});

describe('xmlDocument', () => {
  it('adds the declaration', () => {
    assert.equal(xmlDocument(el('r', null)), '<?xml version="1.0" encoding="UTF-8"?>\n<r/>\n');
  });
});
