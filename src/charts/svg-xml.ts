/**
 * SVG written as well-formed XML. Our SVG goes to three readers that all need XML: browsers opening
 * the .svg downloads, resvg drawing the PNGs, and HTML pages, where inline SVG is parsed as foreign
 * content and takes the same escaped markup. linkedom's own serialiser escapes only `"` in attribute
 * values of an HTML document, so a claimant called "Arakan Army & allies" produced an `&` that no
 * XML parser accepts (and resvg crashed on it). Every SVG we write therefore goes through here:
 * `serializeSvg` for a DOM drawn by Plot or D3, `escapeXml` for markup written as strings.
 */

/**
 * Characters XML 1.0 forbids even as character references: C0 controls other than tab, line feed
 * and carriage return, and the non-characters U+FFFE and U+FFFF. Lone surrogates are handled by
 * toWellFormed(). They become U+FFFD, the replacement character, rather than vanish silently.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML 1.0 allows it: lone surrogates and forbidden characters replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.toWellFormed().replace(NOT_XML, '\ufffd');
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A no-break space is written as a reference so that it stays visible in snapshots and diffs
  // (linkedom did the same, so the markup of ordinary text did not change).
  '\u00a0': '&#160;',
};
// In an attribute, an XML parser turns a literal tab, line feed or carriage return into a space;
// as references they survive, so a label reads back exactly as it was set.
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes text for an XML (or HTML) text node. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\u00a0]/g, (character) => TEXT_ESCAPES[character] as string);
}

/**
 * Escapes text for a double-quoted attribute value, or for any context at all: `&`, `<`, `>` and `"`,
 * and tabs and line breaks, which attribute values would otherwise lose.
 * The one escape for SVG and HTML written as strings.
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"\u00a0\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character] as string);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Serialises an element and everything in it as XML. Empty elements close themselves (`<path />`,
 * which HTML also accepts inside <svg>); comments and processing instructions are left out, since
 * charts draw none and a comment's text could not be escaped.
 */
export function serializeSvg(element: Element): string {
  const out: string[] = [];
  const write = (node: Node) => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      out.push(escapeXmlText(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const child = node as Element;
    const name = child.localName;
    out.push(`<${name}`);
    for (const attribute of child.attributes) out.push(` ${attribute.name}="${escapeXml(attribute.value)}"`);
    if (child.childNodes.length === 0) {
      out.push(' />');
      return;
    }
    out.push('>');
    for (const grandchild of child.childNodes) write(grandchild);
    out.push(`</${name}>`);
  };
  write(element);
  return out.join('');
}
