/**
 * JSON that can stand inside HTML: in a <script> element (JSON-LD, inline data) or an inline
 * script's source. JSON.stringify leaves `</script>` and `<!--` as they are, so a headline holding
 * `</script><script>alert(1)</script>` would close the element and run as script. Escaping `<`, `>`
 * and `&` as \u003c, \u003e and \u0026 keeps the HTML parser from ever seeing a tag, comment or
 * character reference, and U+2028 and U+2029 (legal in JSON, line breaks in older JavaScript) are
 * escaped too. JSON.parse reads the result back to exactly the same value.
 */
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

export function jsonForHtml(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForHtml: the value has no JSON form');
  return json.replace(UNSAFE_IN_HTML, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
