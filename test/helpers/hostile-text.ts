/**
 * A headline that breaks careless XML and JSON writers: `]]>`, `<`, `&`, both quotes, an
 * emoji, bidi marks (RLM, RLE…PDF), ZWJ/ZWNJ and a nukta written as two code points (as NFC
 * keeps it). Feeds and sitemaps must give it back byte for byte after parsing.
 */
export const HOSTILE_HEADLINE = `पुतिन ]]> <b>"जिनपिंग"</b> & 'डियर' 😀 \u200Fعربي\u202Bx\u202C क\u093Cानून \u0915\u094D\u200D\u0937 \u200Cफ़्रेंड`;
