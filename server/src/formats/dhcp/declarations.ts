import type { HeadReader } from './head-reader';
import { wordOf } from './head-reader';
import {
  access,
  fixedAddress,
  hardware,
  host,
  named,
  parameter,
  range,
  readOptionStatement,
  subnet,
} from './handlers';
import type { StatementHandler } from './handlers';
import { readExpression } from './option-statement';
import { SERVER_PARAMETERS } from './options';
import { readValues } from './value-format';
import { Atom, Equals, LParen, StringLiteral } from './tokens';

/**
 * The keyword table of dhcpd.conf: every statement and declaration keyword with its handler. Server
 * parameters (`next-server`, `filename`, …) come from the option table instead (options.ts).
 */

const anyTokens = (r: HeadReader): void => {
  r.pos = r.tokens.length;
};

const LEASE_EVENTS = ['commit', 'release', 'expiry', 'transmission'];

const on: StatementHandler = {
  ends: 'block',
  read(r) {
    for (;;) {
      const t = r.next();
      if (!t || !LEASE_EVENTS.includes(t.image.toLowerCase())) {
        r.fail(t, `expected a lease event: ${LEASE_EVENTS.slice(0, 3).join(', ')}`);
        break;
      }
      if (!r.isWord('or')) break;
      r.next();
    }
    return { kind: 'on' };
  },
};

const condition = (kind: 'if' | 'elsif'): StatementHandler => ({
  ends: 'block',
  read(r) {
    readExpression(r);
    return { kind };
  },
});

const pool: StatementHandler = {
  ends: 'block',
  contexts: ['subnet', 'shared-network', 'group'],
  misplaced: 'a pool must be inside a subnet or a shared-network (dhcpd: pool declared outside of network)',
  read: () => ({ kind: 'pool' }),
};

const group: StatementHandler = {
  ends: 'block',
  contexts: ['root', 'shared-network', 'subnet', 'group', 'pool'],
  misplaced: 'group declarations are not allowed here',
  read(r) {
    const t = r.peek();
    if (t && (t.tokenType === Atom || t.tokenType === StringLiteral)) r.next();
    return { kind: 'group', name: t && !r.atEnd() ? undefined : t && wordOf(t) };
  },
};

const sharedNetwork: StatementHandler = {
  ends: 'block',
  contexts: ['root', 'group'],
  misplaced: 'a shared-network cannot stand inside a subnet, a host or another shared-network',
  read: named('shared-network', 'a shared-network name', true),
};

const subclass: StatementHandler = {
  ends: 'either',
  read(r) {
    const name = r.expectName('the name of a class', true);
    if (!name) return { kind: 'subclass' };
    const word = wordOf(name);
    if (!r.state.classes.has(word.text.toLowerCase()))
      r.fail(
        name,
        `no class named '${word.text}' is declared before this subclass (dhcpd: no class named ${word.text})`,
      );
    else if (r.atEnd())
      r.fail(undefined, 'expected the subclass data (a string or colon-separated hex bytes)');
    else {
      const read = readValues('X', r.rest(), r.state.enums);
      if (read.problem) r.fail(read.problem.token, read.problem.message, read.problem.kind);
      r.pos += read.consumed;
    }
    return { kind: 'subclass', name: word };
  },
};

const failover: StatementHandler = {
  ends: 'either',
  read(r) {
    if (!r.expectWord('peer')) return { kind: 'failover' };
    const name = r.expectName('the failover peer name', true);
    if (!name) return { kind: 'failover' };
    if (r.isWord('state')) r.pos = r.tokens.length;
    return { kind: 'failover', name: wordOf(name) };
  },
};

const match: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    if (r.isWord('if')) r.next();
    readExpression(r);
    return { kind: 'other' };
  },
};

const setVariable: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    if (!r.expectName('a variable name', false)) return { kind: 'other' };
    if (r.peek()?.tokenType !== Equals) r.fail(r.peek(), "expected '=' after the variable name");
    else {
      r.next();
      readExpression(r);
    }
    return { kind: 'other' };
  },
};

/** `log (…)`, `execute (…)`: the whole statement is a function call. */
const call: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    if (r.peek()?.tokenType !== LParen) r.fail(r.peek(), "expected '(' and the arguments");
    else {
      r.pos = 0;
      readExpression(r);
    }
    return { kind: 'other' };
  },
};

const expressionStatement: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    readExpression(r);
    return { kind: 'other' };
  },
};

const include: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    const t = r.peek();
    if (t?.tokenType !== StringLiteral) {
      r.fail(t, 'expected the quoted name of the file to include');
      return { kind: 'include' };
    }
    r.next();
    return { kind: 'include', path: wordOf(t) };
  },
};

const notStatement: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    r.expectWord('authoritative');
    return { kind: 'other' };
  },
};

const simple = (words: number): StatementHandler => ({
  ends: 'semicolon',
  read(r) {
    if (r.tokens.length - 1 > words) r.fail(r.tokens[words + 1], `unexpected '${r.tokens[words + 1].image}'`);
    r.pos = Math.min(r.tokens.length, words + 1);
    return { kind: 'other' };
  },
});

const loose = (
  ends: StatementHandler['ends'],
  kind: 'key' | 'zone' | 'class' | 'other',
): StatementHandler => ({
  ends,
  read(r) {
    if (kind === 'other') {
      anyTokens(r);
      return { kind };
    }
    const what = kind === 'class' ? 'a class name' : `a ${kind} name`;
    return named(kind, what, true)(r);
  },
});

/** Every keyword that starts a statement or declaration, lower case. */
export const HANDLERS: ReadonlyMap<string, StatementHandler> = new Map<string, StatementHandler>([
  ['subnet', subnet],
  ['shared-network', sharedNetwork],
  ['group', group],
  ['host', host],
  ['pool', pool],
  ['class', loose('block', 'class')],
  ['subclass', subclass],
  ['failover', failover],
  ['key', loose('block', 'key')],
  ['zone', { ends: 'block', read: (r) => ({ kind: 'zone', name: r.next() && wordOf(r.tokens[1]) }) }],
  ['on', on],
  ['if', condition('if')],
  ['elsif', condition('elsif')],
  ['else', { ends: 'block', read: () => ({ kind: 'else' }) }],
  ['option', { ends: 'semicolon', read: readOptionStatement }],
  ['include', include],
  ['range', range],
  ['hardware', hardware],
  ['fixed-address', fixedAddress],
  ['allow', access],
  ['deny', access],
  ['ignore', access],
  ['authoritative', simple(0)],
  ['not', notStatement],
  ['match', match],
  ['spawn', loose('semicolon', 'other')],
  ['lease', loose('semicolon', 'other')],
  ['set', setVariable],
  ['unset', simple(1)],
  ['define', loose('either', 'other')],
  ['log', call],
  ['execute', call],
  ['eval', expressionStatement],
  ['return', expressionStatement],
  ['add', loose('semicolon', 'other')],
  ['break', simple(0)],
  ['host-identifier', loose('semicolon', 'other')],
  ['server-duid', loose('semicolon', 'other')],
]);

/** The handler of a keyword: a statement keyword, or a server parameter. */
export function handlerOf(keyword: string): StatementHandler | undefined {
  return HANDLERS.get(keyword) ?? (parameterNames.has(keyword) ? parameter : undefined);
}

const parameterNames = new Set(SERVER_PARAMETERS.keys());

/** Every keyword a statement may start with (for suggestions and completion). */
export function statementKeywords(): string[] {
  return [...HANDLERS.keys(), ...parameterNames];
}
