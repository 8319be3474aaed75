import * as vscode from 'vscode';
import type { ViewRange } from './chain-types';

/** Opens `uri` with `range` selected and revealed (the boot chain view and the Machines tree). */
export async function openLocation(
  uri: string,
  range: ViewRange,
  viewColumn: vscode.ViewColumn = vscode.ViewColumn.One,
): Promise<void> {
  const selection = new vscode.Range(
    range.start.line,
    range.start.character,
    range.end.line,
    range.end.character,
  );
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, viewColumn, preview: false });
}

/** Whether a document is one the language server handles (its language id is ours). */
export function isOurs(document: vscode.TextDocument | undefined, languages: readonly string[]): boolean {
  return document !== undefined && languages.includes(document.languageId);
}
