/**
 * Plain values to YAML text through the `yaml` package (2.x), with
 * the few things generated files need that plain values cannot say: comments, blank lines,
 * anchors and merge keys (compose's shared service settings), flow sequences and quoted strings.
 */
import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** What renderYaml takes: plain data, with Decorated wherever it needs more than the value. */
export type YamlValue =
  string | number | boolean | null | Decorated | AliasOf | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** A value and how to write it. In a mapping, the comment and blank line go before its key. */
export class Decorated {
  constructor(
    readonly value: YamlValue,
    readonly how: {
      /** Comment lines above it (without `#`). */
      comment?: string;
      /** A comment after it, on its line. */
      note?: string;
      /** A blank line above it (and its comment). */
      blankLineBefore?: boolean;
      /** An anchor (`&name`) other places refer to with alias(). */
      anchor?: string;
      /** A sequence on one line: `[a, b]`. */
      flow?: boolean;
      /** A string in double quotes. */
      quoted?: boolean;
    },
  ) {}
}

/** A reference to an anchored value (`*name`); as the value of the key MERGE, a merge key (`<<: *name`). */
export class AliasOf {
  constructor(readonly anchor: string) {}
}

/** The merge key: `{ [MERGE]: alias('service'), … }` writes `<<: *service` (the value's keys, then the others'). */
export const MERGE = '<<';

export const commented = (comment: string, value: YamlValue) => new Decorated(value, { comment });
export const noted = (note: string, value: YamlValue) => new Decorated(value, { note });
export const section = (value: YamlValue, comment?: string) => new Decorated(value, { comment, blankLineBefore: true });
export const anchored = (anchor: string, value: YamlValue) => new Decorated(value, { anchor, blankLineBefore: true });
export const alias = (anchor: string) => new AliasOf(anchor);
export const flow = (items: readonly YamlValue[]) => new Decorated(items, { flow: true });
export const quoted = (text: string) => new Decorated(text, { quoted: true });

/** The YAML text of `value`, `header` (if any) as comment lines at the top. */
export function renderYaml(value: YamlValue, header?: string): string {
  // YAML 1.1's rules for which strings need quotes (`"on"`, `"yes"`, `"22:22"`): the safe side for
  // the Go YAML readers of Kubernetes and compose, some of which still read `on` and `yes` as booleans.
  const document = new Document(null, { version: '1.1', merge: true });
  const anchors = new Set<string>();

  const toNode = (input: YamlValue): Node => {
    if (input instanceof AliasOf) return new Alias(anchorNamed(input.anchor));
    if (input instanceof Decorated) {
      const node = toNode(input.value);
      if (input.how.flow && node instanceof YAMLSeq) node.flow = true;
      if (input.how.quoted && node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
      if (input.how.note) node.comment = ` ${input.how.note}`;
      if (input.how.anchor && !(node instanceof Alias)) {
        node.anchor = input.how.anchor;
        anchors.add(input.how.anchor);
      }
      return node;
    }
    if (Array.isArray(input)) {
      const seq = new YAMLSeq();
      for (const item of input as readonly YamlValue[]) {
        const node = toNode(item);
        describe(node, item);
        seq.items.push(node);
      }
      return seq;
    }
    if (input !== null && typeof input === 'object') {
      const map = new YAMLMap();
      for (const [key, item] of Object.entries(input as { readonly [key: string]: YamlValue })) {
        const name = new Scalar(key);
        describe(name, item);
        const pair = new Pair(name, toNode(item));
        map.items.push(pair);
      }
      return map;
    }
    return new Scalar(input);
  };
  const anchorNamed = (name: string): string => {
    if (!anchors.has(name)) throw new Error(`alias *${name} before its anchor &${name}`);
    return name;
  };
  /** The comment and blank line before a mapping's key or a sequence's item. */
  const describe = (node: Node, item: YamlValue) => {
    if (!(item instanceof Decorated)) return;
    if (item.how.comment) node.commentBefore = item.how.comment.replace(/^/gm, ' ');
    if (item.how.blankLineBefore) node.spaceBefore = true;
  };

  document.contents = toNode(value);
  if (header) document.commentBefore = header.replace(/^/gm, ' ');
  // Long strings stay on one line (the yaml package folds them at 80 columns by default).
  return document.toString({ lineWidth: 0 });
}
