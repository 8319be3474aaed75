import type { Finding } from '../../core/finding';
import type { Span } from '../../core/text';
import type { XenFile } from '../types';

/**
 * `xen/syntax`, `xen/typographic-quote` and `xen/python-code`. What is Python depends on the toolstack:
 * xm ran the file as Python (so Python is information: not analysed), xl refuses it ("Config file looks
 * like it contains Python code"), so under xl it is a syntax error.
 */
export function checkXenSyntax(file: XenFile): Finding[] {
  const xl = file.domain.toolstack === 'xl';
  const findings: Finding[] = [];
  for (const issue of file.ast.issues) {
    if (issue.kind === 'typographic-quote') findings.push(typographicQuote(file, issue.span, issue.message));
    else if (issue.kind === 'python') findings.push(pythonFinding(file, issue.span, issue.message, xl));
    else findings.push({ ruleId: 'xen/syntax', uri: file.uri, span: issue.span, message: issue.message });
  }
  for (const st of file.ast.statements) {
    if (st.kind === 'python') {
      const what = `${st.description}${st.key ? ` as the value of '${st.key.text}'` : ''}`;
      const message = xl
        ? `xl cannot read Python (${what}); xl accepts only KEY = VALUE assignments`
        : `Python code (${what}) is not evaluated: its effect is not analysed`;
      findings.push(pythonFinding(file, st.span, message, xl));
    } else if (xl && !/^[a-z][._0-9a-z]*$/.test(st.key.text)) {
      findings.push({
        ruleId: 'xen/syntax',
        uri: file.uri,
        span: st.key.span,
        message: `xl accepts only lower-case keys: '${st.key.text}' is a lexical error`,
        fixes: [lowerCaseFix(file, st.key.span, st.key.text)],
      });
    }
  }
  findings.push(...mixedAppends(file));
  if (xl) findings.push(...crlf(file));
  return findings;
}

function pythonFinding(file: XenFile, span: Span, message: string, xl: boolean): Finding {
  return { ruleId: xl ? 'xen/syntax' : 'xen/python-code', uri: file.uri, span, message };
}

function lowerCaseFix(
  file: XenFile,
  span: Span,
  key: string,
): { title: string; edits: { uri: string; span: Span; newText: string }[] } {
  return {
    title: `Rename to '${key.toLowerCase()}'`,
    edits: [{ uri: file.uri, span, newText: key.toLowerCase() }],
  };
}

const isTypographic = (c: string | undefined): boolean =>
  c !== undefined && /[\u2018\u2019\u201c\u201d]/.test(c);

function typographicQuote(file: XenFile, span: Span, message: string): Finding {
  const raw = file.text.slice(span.start, span.end);
  const last = raw[raw.length - 1];
  const closed = raw.length > 1 && (isTypographic(last) || last === "'" || last === '"');
  const inner = raw.slice(1, closed ? -1 : undefined);
  const doubled = raw[0] === '\u201c' || raw[0] === '\u201d' || raw[0] === '"';
  const quote = doubled !== inner.includes('"') ? '"' : "'";
  // A lone stray quote (nothing after it on the line) is no string: an empty '' in its place would be a
  // second value after the first, so there is nothing to replace it with.
  const stray = !closed && inner.trim() === '';
  return {
    ruleId: 'xen/typographic-quote',
    uri: file.uri,
    span,
    message,
    fixes: stray
      ? undefined
      : [
          {
            title: 'Replace typographic quotes with ASCII quotes',
            edits: [{ uri: file.uri, span, newText: `${quote}${inner}${quote}` }],
            preferred: true,
          },
        ],
  };
}

/**
 * xl's lexer has no rule for a carriage return outside comments and strings (libxlu_cfg_l.l): a CRLF file is
 * rejected line by line. One finding per file, at the first such CR; the fix converts every line break.
 */
function crlf(file: XenFile): Finding[] {
  const crs = file.ast.carriageReturns;
  if (crs.length === 0) return [];
  const first = crs[0];
  return [
    {
      ruleId: 'xen/syntax',
      uri: file.uri,
      span: first,
      message: `xl rejects carriage returns (Windows line endings): ${crs.length} outside comments and strings in this file`,
      fixes: [{ title: 'Convert line endings to LF', edits: crEdits(file), preferred: true }],
    },
  ];
}

/** xl refuses `+=` between a list and a single value ("can't add [list] to \"string\"", xl 4.17). */
function mixedAppends(file: XenFile): Finding[] {
  // Only a `+=` can mix them: most files have none, and need no map.
  if (!file.ast.statements.some((st) => st.kind === 'assignment' && st.operator === '+=')) return [];
  const isList = new Map<string, boolean>();
  const findings: Finding[] = [];
  for (const st of file.ast.statements) {
    if (st.kind !== 'assignment' || !st.value) continue;
    const list = st.value.kind === 'list';
    const before = isList.get(st.key.text);
    if (st.operator === '+=' && before !== undefined && before !== list) {
      findings.push({
        ruleId: 'xen/syntax',
        uri: file.uri,
        span: st.value.span,
        message: `xl cannot add ${list ? 'a list' : 'a single value'} to ${before ? 'a list' : 'a single value'} ('${st.key.text}')`,
      });
      continue;
    }
    if (st.operator === '=' || before === undefined) isList.set(st.key.text, list);
  }
  return findings;
}

/**
 * One edit per line break with a carriage return xl rejects (outside comments and strings), plus the CRLF
 * that ends a comment: `\r\n` (or a lone `\r` before a new statement, which editors show as a line break)
 * becomes `\n`; a lone `\r` inside a statement becomes a blank (see `startsLine`). The whole break is
 * replaced because LSP positions cannot point between `\r` and `\n`. A CR inside a string, or in a
 * comment and not before LF, is text to xl (a comment runs to '\n'): turning it into a line break would
 * end the string or start code, so it stays.
 */
function crEdits(file: XenFile): { uri: string; span: Span; newText: string }[] {
  const text = file.text;
  const commentEnds = file.ast.comments
    .filter((c) => c.end > c.start && text[c.end - 1] === '\r' && text[c.end] === '\n')
    .map((c) => c.end - 1);
  const starts = [...file.ast.carriageReturns.map((cr) => cr.start), ...commentEnds].sort((a, b) => a - b);
  return starts.map((i) => {
    const crlf = text[i + 1] === '\n';
    const newText = crlf || startsLine(text, i + 1) ? '\n' : ' ';
    return { uri: file.uri, span: { start: i, end: crlf ? i + 2 : i + 1 }, newText };
  });
}

/**
 * Whether the text at `at` reads as the start of a line of its own: a `KEY =`, a comment, a blank line or
 * the end. A lone CR before anything else sits inside a statement (`vif\r= [`): a line break there would
 * cut the statement in two, a blank keeps it whole.
 */
function startsLine(text: string, at: number): boolean {
  return /^[ \t]*(?:[A-Za-z_][\w.]*[ \t\r]*\+?=|#|\r|\n|$)/.test(text.slice(at, at + 256));
}
