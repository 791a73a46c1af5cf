/**
 * Free text in the attributes of our embed codes (an image's alt, an iframe's title), made to survive
 * the HTML sanitisers CMSs run. DOMPurify, with its default SAFE_FOR_XML, drops any attribute whose
 * decoded value holds `-->`, `--!>`, `]>` or a closing </style>, </script>, </title>… (ATTR_VALUE_BREAKOUT
 * in its source): escaping cannot help, since it tests the value after the parser has decoded it.
 * So these sequences, which in prose are at most an arrow, get a space inside them ("-- >", "< /style")
 * before escaping: every word of the text stays, and the alt text is no longer silently removed.
 */
import { escapeXml } from '../charts/svg-xml.ts';

const ATTRIBUTE_BREAKOUT = /(--!?|\])>|<(\/(?:style|script|title|xmp|textarea|noscript|iframe|noembed|noframes))/gi;

/** The text with every breakout sequence spaced out; all else as written. */
export function hostSafeText(text: string): string {
  return text.replace(ATTRIBUTE_BREAKOUT, (_match, closer: string | undefined, tag: string | undefined) =>
    closer !== undefined ? `${closer} >` : `< ${tag}`,
  );
}

/** Free text for a double-quoted attribute of an embed code: spaced out (hostSafeText), then escaped. */
export function hostSafeAttribute(text: string): string {
  return escapeXml(hostSafeText(text));
}
