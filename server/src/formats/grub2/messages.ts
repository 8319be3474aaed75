/** Syntax messages of the GRUB 2 parser, in one place (tests and docs quote them). */

/** The message for a shell operator GRUB lexes but has no rule for. */
export function operatorMessage(op: string): string {
  if (op === ';;') return "';;' belongs to 'case', which GRUB does not have";
  return `GRUB has no pipes, redirections or '&&'/'||' lists: '${op}' is a syntax error (quote it to pass it as text)`;
}

/** The message for `[[` or `]]`. */
export function bracketMessage(): string {
  return "GRUB has no '[[ … ]]' test: use '[ … ]' (the test command)";
}

/** The message for a keyword where no construct expects it. */
export function strayKeywordMessage(kw: string): string {
  if (kw === 'case' || kw === 'esac' || kw === 'select') return `GRUB has no '${kw}' command`;
  const opener: Record<string, string> = {
    then: 'if',
    fi: 'if',
    else: 'if',
    elif: 'if',
    do: 'for/while',
    done: 'for/while',
    in: 'for',
  };
  return `'${kw}' without a matching '${opener[kw] ?? kw}'`;
}
