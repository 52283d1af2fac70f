/**
 * Just enough XML writing for JUnit reports: escaping that is always well-formed, whatever bytes
 * student code printed.
 */

/**
 * Characters XML 1.0 forbids outright (most C0 controls, U+FFFE/U+FFFF, lone surrogates); they are
 * written as a visible `\u001b`-style escape instead, so the file still parses.
 */
const FORBIDDEN =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Escapes text for an XML element's content or an attribute value.
 *
 * @example
 * escapeXml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes an attribute value, keeping newlines and tabs (which attribute parsing would flatten). */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** An element with attributes (values escaped) and already-escaped inner XML (or none: `<x/>`). */
export function element(
  name: string,
  attributes: Record<string, string | number | undefined>,
  inner?: string,
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  return inner === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}
