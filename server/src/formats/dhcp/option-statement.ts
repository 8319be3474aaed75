import type { IToken } from 'chevrotain';
import { suggestFitting } from './suggest';
import type { DhcpStatement, OptionRef } from './ast';
import { parseExpression } from './expression';
import type { HeadReader } from './head-reader';
import { wordOf } from './head-reader';
import { tokenEnd, tokenSpan } from './lexer';
import { optionRefAt } from './anchored-span';
import { Atom, Comma, Equals, LBrace, RBrace } from './tokens';
import { readValues } from './value-format';

/**
 * `option …` statements (dhcpd.conf(5) "REFERENCE: OPTION STATEMENTS", dhcp-options(5) "DEFINING NEW
 * OPTIONS"): `option space NAME;`, `option NAME code N = TYPE;`, `option NAME VALUE;` and
 * `option NAME = EXPRESSION;`. Unknown names and spaces are what dhcpd rejects ("unknown option dhcp.x",
 * "no option space named x").
 */

type Partial = Omit<DhcpStatement, 'span' | 'keyword' | 'words'>;

/** Reads the statement after `option`. */
export function readOptionStatement(r: HeadReader): Partial {
  if (r.isWord('space')) return readSpace(r);
  const nameToken = r.peek();
  if (nameToken?.tokenType !== Atom) {
    r.fail(nameToken, `expected an option name${nameToken ? ` but found '${nameToken.image}'` : ''}`);
    return { kind: 'option' };
  }
  r.next();
  if (r.isWord('code')) return readDefinition(r, nameToken);
  return readSetting(r, nameToken);
}

function readSpace(r: HeadReader): Partial {
  r.next();
  const name = r.expectName('an option space name', false);
  if (!name) return { kind: 'option-space' };
  // `code width N`, `length width N`, `hash size N` may follow (dhcp-options(5)).
  while (!r.atEnd() && !r.failed) {
    const what = r.next();
    const second = r.next();
    const n = r.next();
    const ok =
      ['code', 'length', 'hash'].includes(what?.image.toLowerCase() ?? '') &&
      second &&
      n &&
      /^\d+$/.test(n.image);
    if (!ok) r.fail(what, `expected 'code width N', 'length width N' or 'hash size N' after the space name`);
  }
  const word = wordOf(name);
  r.state.table.declareSpace(name.image);
  r.state.declaredSpaces.push(word);
  return { kind: 'option-space', name: word };
}

/** Declared types → dhcpd format letters (common/parse.c `parse_option_code_definition`). */
const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  'ip-address': 'I',
  'ip6-address': '6',
  text: 't',
  string: 'X',
  boolean: 'f',
  'domain-name': 'd',
  'domain-list': 'D',
  zerolen: 'Z',
};
const WIDTHS: Readonly<Record<string, string>> = { '8': 'B', '16': 'S', '32': 'L' };

function readDefinition(r: HeadReader, nameToken: IToken): Partial {
  const ref = optionRef(r, nameToken);
  r.next(); // code
  const codeToken = r.peek();
  const code = codeToken && /^\d+$/.test(codeToken.image) ? Number(codeToken.image) : undefined;
  if (code === undefined) {
    r.fail(codeToken, `expected an option code number${codeToken ? ` but found '${codeToken.image}'` : ''}`);
    return { kind: 'option-definition', option: ref };
  }
  r.next();
  if (r.peek()?.tokenType !== Equals) {
    r.fail(r.peek(), "expected '=' and a type after the code");
    return { kind: 'option-definition', option: ref };
  }
  r.next();
  const typeStart = r.pos;
  const format = readType(r);
  const typeText = r.tokens
    .slice(typeStart, r.pos)
    .map((t) => t.image)
    .join(' ')
    .replace(/ ,/g, ',');
  if (r.failed || format === undefined) return { kind: 'option-definition', option: ref };
  if (!r.state.table.hasSpace(ref.space)) {
    r.fail(
      nameToken,
      `no option space named '${ref.space}': declare it first with 'option space ${ref.space};'`,
      'undeclared-option',
    );
    return { kind: 'option-definition', option: ref };
  }
  const builtin = r.state.table.resolve(nameToken.image).option;
  if (builtin?.spec && ref.space.toLowerCase() === 'dhcp') {
    // Seen with dhcpd 4.4.3: redefining a standard option (`option routers code 3 = text;`) crashes `dhcpd -t`.
    r.fail(
      nameToken,
      `'${ref.name}' is a standard option: redefining it makes dhcpd 4.4.3 crash; choose another name`,
    );
    return { kind: 'option-definition', option: ref };
  }
  const declared = {
    space: ref.space,
    name: ref.name,
    code,
    type: typeText,
    format,
    span: tokenSpan(nameToken),
  };
  r.state.table.declare(declared);
  r.state.declaredOptions.push(declared);
  return { kind: 'option-definition', option: ref, definition: { code, type: typeText, format } };
}

/** Reads `TYPE`, `array of TYPE`, `{ TYPE, … }` or `array of { TYPE, … }`; undefined after a failure. */
function readType(r: HeadReader): string | undefined {
  let array = false;
  if (r.isWord('array')) {
    r.next();
    if (!r.expectWord('of')) return undefined;
    array = true;
  }
  let format = '';
  if (r.peek()?.tokenType === LBrace) {
    r.next();
    for (;;) {
      const f = readSimpleType(r, false);
      if (f === undefined) return undefined;
      format += f;
      const t = r.next();
      if (t?.tokenType === RBrace) break;
      if (t?.tokenType !== Comma) {
        r.fail(t, "expected ',' or '}' in the record type");
        return undefined;
      }
    }
  } else {
    const f = readSimpleType(r, array);
    if (f === undefined) return undefined;
    format = f;
  }
  return array ? `${format}A` : format;
}

function readSimpleType(r: HeadReader, inArray: boolean): string | undefined {
  const t = r.next();
  const word = t?.image.toLowerCase() ?? '';
  if (word === 'text' && inArray) {
    r.fail(t, 'dhcpd does not support arrays of text (dhcpd: "arrays of text strings not yet supported")');
    return undefined;
  }
  if (SIMPLE_TYPES[word]) {
    if (word === 'domain-list' && r.isWord('compressed')) r.next();
    return SIMPLE_TYPES[word];
  }
  if (word === 'encapsulate') {
    const space = r.next();
    if (!space || !r.state.table.hasSpace(space.image)) {
      r.fail(
        space ?? t,
        `unknown option space${space ? ` '${space.image}'` : ''}: declare it before encapsulating it`,
      );
      return undefined;
    }
    return `E${space.image}.`;
  }
  let signed: boolean | undefined;
  if (word === 'signed' || word === 'unsigned') {
    signed = word === 'signed';
    if (!r.expectWord('integer')) return undefined;
  } else if (word !== 'integer') {
    r.fail(
      t,
      `unknown data type${t ? ` '${t.image}'` : ''}: ip-address, ip6-address, text, string, boolean, domain-name, domain-list, [un]signed integer 8|16|32, encapsulate SPACE`,
    );
    return undefined;
  }
  const width = r.next();
  const letter = WIDTHS[width?.image ?? ''];
  if (!letter) {
    r.fail(width, `integers are 8, 16 or 32 bits wide${width ? `, not ${width.image}` : ''}`);
    return undefined;
  }
  // `integer N` alone is signed, as in dhcpd.
  return signed === false ? letter : letter.toLowerCase();
}

function optionRef(r: HeadReader, t: IToken, found = r.state.table.resolve(t.image)): OptionRef {
  return optionRefAt(
    found.option?.space ?? found.space,
    found.option?.name ?? found.name,
    t.startOffset,
    tokenEnd(t),
  );
}

/** Whether the statement reads cleanly with `t` renamed (undefined when no trial reading is possible). */
export function renameFits(r: HeadReader, t: IToken): ((image: string) => boolean) | undefined {
  const renames = r.state.renames;
  if (r.state.trial) return () => false;
  return renames ? (image) => renames(t, image) : undefined;
}

/** Checks that an option name resolves; reports an undeclared one with the nearest known name. */
export function checkOptionName(r: HeadReader, t: IToken, found = r.state.table.resolve(t.image)): boolean {
  if (!found.spaceKnown) {
    r.fail(
      t,
      `no option space named '${found.space}': declare it with 'option space ${found.space};' first`,
      'undeclared-option',
    );
    return false;
  }
  if (found.option) return true;
  const suggestion = /^option-\d+$/i.test(t.image)
    ? undefined
    : suggestFitting(t.image, r.state.table.writtenNames(), renameFits(r, t));
  const where = found.space === 'dhcp' ? '' : ` in space '${found.space}'`;
  r.fail(
    t,
    `unknown option '${t.image}'${where}: neither a standard option nor declared with 'option ${t.image} code N = TYPE;'` +
      (suggestion ? `; did you mean '${suggestion}'?` : ''),
    'undeclared-option',
    suggestion
      ? { title: `Rename to '${suggestion}'`, span: tokenSpan(t), newText: suggestion }
      : declareFix(t),
  );
  return false;
}

/** For `option-N` (the seed's style): declare it as text with code N at the top of the file. */
function declareFix(
  t: IToken,
): { title: string; span: { start: number; end: number }; newText: string } | undefined {
  const m = /^option-(\d+)$/i.exec(t.image);
  if (!m || Number(m[1]) > 254) return undefined;
  return {
    title: `Declare '${t.image}' (code ${m[1]}) as text`,
    span: { start: 0, end: 0 },
    newText: `option ${t.image} code ${m[1]} = text;\n`,
  };
}

function readSetting(r: HeadReader, nameToken: IToken): Partial {
  const found = r.state.table.resolve(nameToken.image);
  const ref = optionRef(r, nameToken, found);
  if (!checkOptionName(r, nameToken, found)) return { kind: 'option', option: ref };
  const option = found.option;
  if (r.peek()?.tokenType === Equals) {
    r.next();
    readExpression(r);
    return { kind: 'option', option: ref, values: [] };
  }
  const start = r.pos;
  const read = readValues(option?.format ?? 'X', r.tokens, r.state.enums, start);
  if (read.problem) r.fail(read.problem.token, read.problem.message, read.problem.kind);
  r.pos = start + read.consumed;
  return { kind: 'option', option: ref, values: r.valuesFrom(start) };
}

/** Reads a dhcp-eval(5) expression from the cursor; fails at its first malformed token. */
export function readExpression(r: HeadReader): void {
  const rest = r.rest();
  if (rest.length === 0) {
    r.fail(undefined, 'expected an expression');
    return;
  }
  const parsed = parseExpression(rest);
  for (const ref of parsed.optionRefs) if (!checkOptionName(r, ref)) return;
  if (parsed.errorMessage) {
    const where = parsed.errorToken ? ` at '${parsed.errorToken.image}'` : ': it ends too early';
    r.fail(
      parsed.errorToken,
      parsed.errorMessage === 'malformed expression'
        ? `malformed expression${where}`
        : `${parsed.errorMessage}: not analysed`,
    );
    return;
  }
  r.pos += parsed.consumed;
}
