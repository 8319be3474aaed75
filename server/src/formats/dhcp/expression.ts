import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { Atom, Comma, Compare, DHCP_TOKENS, Equals, LParen, RParen, StringLiteral } from './tokens';

/**
 * The expressions of dhcp-eval(5), read loosely: boolean operators (`and`, `or`, `not`), comparisons (`=`,
 * `!=`, `~=`, `~~`), function calls (`substring (option vendor-class-identifier, 0, 9)`), option
 * references (`option NAME`, `exists NAME`, `config-option NAME`), strings, numbers and variable names.
 * The grammar says whether an expression is well formed and which options it names; nothing is evaluated.
 */

/** What an expression tells the statement layer. */
export interface ExpressionParse {
  /** The first token the grammar could not place, when the expression is malformed. */
  readonly errorToken: IToken | undefined;
  readonly errorMessage: string | undefined;
  /** The option names referred to (`option X`, `exists X`, `config-option X`). */
  readonly optionRefs: readonly IToken[];
  /** How many tokens the expression took. */
  readonly consumed: number;
}

/** Words after which the next atom names an option (dhcp-eval(5)). */
const OPTION_PREFIXES = new Set(['option', 'exists', 'config-option']);

class DhcpExpressionParser extends EmbeddedActionsParser {
  refs: IToken[] = [];

  constructor() {
    super(DHCP_TOKENS, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  public expression = this.RULE('expression', (): void => {
    this.SUBRULE(this.conjunction);
    this.MANY({
      GATE: () => this.isWord('or'),
      DEF: () => this.twoStep(() => this.SUBRULE2(this.conjunction)),
    });
  });

  private conjunction = this.RULE('conjunction', (): void => {
    this.SUBRULE(this.negation);
    this.MANY({
      GATE: () => this.isWord('and'),
      DEF: () => this.twoStep(() => this.SUBRULE2(this.negation)),
    });
  });

  private negation = this.RULE('negation', (): void => {
    this.OR([
      { GATE: () => this.isWord('not'), ALT: () => this.twoStep(() => this.SUBRULE(this.negation)) },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE('comparison', (): void => {
    this.SUBRULE(this.term);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(Equals) }, { ALT: () => this.CONSUME(Compare) }]);
      this.SUBRULE2(this.term);
    });
  });

  private term = this.RULE('term', (): void => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.call) },
    ]);
  });

  private call = this.RULE('call', (): void => {
    const head = this.CONSUME(Atom);
    this.OPTION({
      GATE: () => OPTION_PREFIXES.has(head.image.toLowerCase()),
      DEF: () => {
        const name = this.CONSUME2(Atom);
        this.ACTION(() => this.refs.push(name));
      },
    });
    this.OPTION2(() => {
      this.CONSUME(LParen);
      this.OPTION3(() => {
        this.SUBRULE(this.expression);
        this.MANY(() => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.expression);
        });
      });
      this.CONSUME(RParen);
    });
  });

  private isWord(word: string): boolean {
    const t = this.LA(1);
    return t.tokenType === Atom && t.image.toLowerCase() === word;
  }

  /** Consumes the keyword atom under the cursor, then runs `rest`. */
  private twoStep(rest: () => void): void {
    this.CONSUME(Atom);
    rest();
  }
}

/** Built on first need: a dhcpd.conf without `if`, `match` or `=` expressions never reads one. */
let parser: DhcpExpressionParser | undefined;

/**
 * How deep an expression may nest before it is refused unread: the grammar recurses through six rules per
 * `(` and one per `not`, and a broken file of `if (if (if (…` must not overflow the stack (real ones nest 3
 * or 4 deep).
 */
export const MAX_EXPRESSION_NESTING = 100;

/** The first token at which parentheses plus the `not`s before it nest deeper than the limit. */
function tooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === LParen || (t.tokenType === Atom && t.image.toLowerCase() === 'not')) depth++;
    else if (t.tokenType === RParen) depth = Math.max(0, depth - 1);
    if (depth > MAX_EXPRESSION_NESTING) return t;
  }
  return undefined;
}

/** Parses one expression from the start of `tokens`; tokens after it are the caller's. Never throws. */
export function parseExpression(tokens: readonly IToken[]): ExpressionParse {
  const deep = tooDeep(tokens);
  if (deep)
    return {
      errorToken: deep,
      errorMessage: `expression nested more than ${MAX_EXPRESSION_NESTING} deep`,
      optionRefs: [],
      consumed: 0,
    };
  const p = (parser ??= new DhcpExpressionParser());
  p.refs = [];
  p.input = [...tokens];
  p.expression();
  const error = p.errors.find((e) => e.name !== 'NotAllInputParsedException');
  const refs = p.refs;
  if (error) {
    const bad = error.token.tokenType.name === 'EOF' ? undefined : error.token;
    return { errorToken: bad, errorMessage: 'malformed expression', optionRefs: refs, consumed: 0 };
  }
  const notAll = p.errors.find((e) => e.name === 'NotAllInputParsedException');
  const consumed = notAll ? tokens.indexOf(notAll.token) : tokens.length;
  return { errorToken: undefined, errorMessage: undefined, optionRefs: refs, consumed };
}
