import type { LspCodeAction } from './code-actions';

type TextEdit = LspCodeAction['edit']['changes'][string][number];

/** A quick fix whose edits name the version of each document they were computed for. */
export interface VersionedCodeAction extends Omit<LspCodeAction, 'edit'> {
  edit: { documentChanges: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] };
}

/**
 * The version each edited document had when the fix was computed: a number for a document open in the
 * editor, `null` for a file read from disk (not open), `undefined` when the text the fix was computed on is
 * no longer current (the fix is then not offered).
 */
export type VersionOf = (uri: string) => number | null | undefined;

/**
 * Turns quick fixes into `documentChanges` edits carrying document versions, so that a client refuses a fix
 * on a document changed since (LSP `OptionalVersionedTextDocumentIdentifier`); fixes touching a document
 * whose text is stale are dropped rather than offered at the wrong place.
 */
export function withVersions(actions: readonly LspCodeAction[], versionOf: VersionOf): VersionedCodeAction[] {
  return actions.flatMap((action) => {
    const documentChanges: VersionedCodeAction['edit']['documentChanges'] = [];
    for (const [uri, edits] of Object.entries(action.edit.changes)) {
      const version = versionOf(uri);
      if (version === undefined) return [];
      documentChanges.push({ textDocument: { uri, version }, edits });
    }
    return [{ ...action, edit: { documentChanges } }];
  });
}
