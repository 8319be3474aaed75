import type { Finding } from '../../core/finding';
import type { Grub2File } from './types';

/** `grub2/syntax`: what GRUB's script parser rejects (grub-core/script/parser.y, yylex.l). */
export function checkGrub2Syntax(file: Grub2File): Finding[] {
  return file.ast.issues.map((issue) => ({
    ruleId: 'grub2/syntax',
    uri: file.uri,
    span: issue.span,
    message: issue.message,
  }));
}

/**
 * `grub2/no-commands`: grub-script-check refuses a script that holds no command ("Script … contains no
 * commands and will do nothing"); function definitions alone do not count. GRUB would show no menu.
 */
export function checkNoCommands(file: Grub2File): Finding[] {
  if (file.ast.issues.length > 0) return [];
  if (file.ast.commands.some((c) => c.kind !== 'function')) return [];
  const end = file.text.length;
  return [
    {
      ruleId: 'grub2/no-commands',
      uri: file.uri,
      span: { start: 0, end: Math.min(end, file.text.indexOf('\n') < 0 ? end : file.text.indexOf('\n')) },
      message:
        'this grub.cfg has no command (only comments, blank lines or function definitions): GRUB shows no menu and boots nothing',
    },
  ];
}
