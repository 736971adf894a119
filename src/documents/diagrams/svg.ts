/**
 * A small typed SVG builder: elements are plain data, serialised once with every attribute and
 * text escaped, so a task or organisation name can never break out of the markup.
 */

export type SvgAttributes = Record<string, string | number | null | undefined>;

export type SvgNode =
  | { kind: 'element'; name: string; attributes: SvgAttributes; children: SvgNode[] }
  | { kind: 'text'; value: string };

export type SvgChild = SvgNode | string | null | undefined | false | SvgChild[];

function flatten(children: SvgChild[]): SvgNode[] {
  return children.flatMap((child): SvgNode[] => {
    if (child === null || child === undefined || child === false) return [];
    if (typeof child === 'string') return [{ kind: 'text', value: child }];
    if (Array.isArray(child)) return flatten(child);
    return [child];
  });
}

export function el(name: string, attributes: SvgAttributes = {}, ...children: SvgChild[]): SvgNode {
  return { kind: 'element', name, attributes, children: flatten(children) };
}

/** Characters XML 1.0 does not allow at all are dropped; markup characters are escaped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Coordinates keep two decimals: enough at print resolution, and the output stays small. */
const formatValue = (value: string | number): string =>
  typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;

function serialiseNode(node: SvgNode): string {
  if (node.kind === 'text') return escapeXml(node.value);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string | number] => entry[1] != null)
    .map(([name, value]) => ` ${name}="${escapeXml(formatValue(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${node.children.map(serialiseNode).join('')}</${node.name}>`;
}

/** A standalone SVG document. */
export function serialiseSvg(root: SvgNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseNode(root)}\n`;
}

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
