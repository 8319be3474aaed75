import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, FileChangeType, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Connection,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeParams,
  InitializeResult,
  Location,
  SymbolKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bootChainHover, bootChainsIn } from '../features/boot-chain';
import { BOOT_CHAIN_REQUEST, bootChainView, OVERVIEW_REQUEST, overviewView } from '../features/chain-view';
import type { BootChainParams, ChainsResult, RangeOf } from '../features/chain-view';
import type { LinkContext } from '../features/chain-links';
import { codeActionsFor } from '../features/code-actions';
import { withVersions } from '../features/versioned-edits';
import { effectiveSeverity, LineIndexCache } from '../features/diagnostics';
import type { LspDiagnostic } from '../features/diagnostics';
import { featuresOf } from '../features/format-features';
import type { SymbolSpec } from '../features/symbols';
import type { SiteLocation } from '../features/site-chain';
import { navigationOf, siteDefinition, siteReferences } from '../features/site-navigation';
import type { NavigationContext } from '../features/site-navigation';
import { fileUri, readContained, realRoots, scanFolderFully, toRelative, TOPOLOGY_FILE } from '../node/disk';
import type { Refusal } from '../node/disk';
import { loadReferenced } from '../node/references';
import { FILE_BUDGET } from '../node/site';
import type { FormatId } from '../workspace/analysed-file';
import { analyserOf, formatOfLanguage } from '../workspace/format-registry';
import { EMPTY_TOPOLOGY, parseTopology } from '../workspace/topology';
import { Workspace } from '../workspace/workspace';
import { guardHandlers } from './guard';
import { FILE_KINDS_NOTIFICATION, SETTINGS_SECTION } from './protocol';
import { Publisher } from './publisher';
import { readSettings } from './settings';

/** Options for a server instance (tests shorten the debounce). */
export interface ServerOptions {
  /** Milliseconds between the last change and re-checking. */
  readonly debounceMs?: number;
  /** Where `docs/rules/<id>.md` pages live, as a URI ending in `/`. */
  readonly docsBase?: string;
  /** Milliseconds of checking before the server lets requests in (then it goes on). */
  readonly sliceMs?: number;
}

/**
 * The language server: feeds document texts and files from disk into the pure `Workspace`, and turns its
 * findings into LSP answers. The only module that knows the protocol.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  guardHandlers(connection); // first: every handler below logs its exceptions and answers null
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  workspace.setBudget(FILE_BUDGET);
  const lines = new LineIndexCache();
  let roots: string[] = [];
  // The folders' real paths: every read from disk must resolve inside one of them (docs/security.md).
  let contained: string[] = [];
  const noted = new Set<string>();
  const publisher = new Publisher(connection, workspace, documents, lines, options);
  const schedule = (): void => publisher.schedule();
  let configurationSupported = false;

  /** The site path of a file on disk (an absolute path, as `fileURLToPath` gives it). */
  const relativePath = (file: string): string => {
    const root = roots.find((r) => file.startsWith(r + path.sep));
    return root ? toRelative(root, file) : file.split(path.sep).join('/');
  };
  const relative = (uri: string): string => relativePath(uri.startsWith('file:') ? fileURLToPath(uri) : uri);

  // A file deliberately not read is said once in the output channel, where the user looks for why.
  const noteRefusal = (r: Refusal): void => {
    if (noted.has(r.file)) return;
    noted.add(r.file);
    connection.console.warn(`xen-nfs-boot: not read: ${r.file}: ${r.reason}`);
  };

  const loadFromDisk = (file: string, format?: FormatId): void => {
    const uri = fileUri(file);
    if (documents.get(uri)) return; // the editor's text wins over the disk's
    const read = readContained(contained, file, workspace.maxFileBytes());
    const known = workspace.getFile(uri)?.format;
    if (!read.ok && read.refused) noteRefusal({ file, reason: read.error });
    if (!read.ok) workspace.removeFile(uri);
    else
      // The path the URI names (pathToFileURL resolves it), without parsing the URI back (issue 6).
      workspace.setFile(uri, relativePath(path.resolve(file)), read.text, Date.now(), {
        sizeBytes: read.tooLarge,
        format: format ?? known,
      });
  };

  const loadTopology = (): void => {
    workspace.setTopology(EMPTY_TOPOLOGY);
    for (const root of roots) {
      const file = path.join(root, TOPOLOGY_FILE);
      const read = readContained(contained, file, 1024 * 1024);
      if (!read.ok && read.refused) noteRefusal({ file, reason: read.error });
      if (read.ok && !read.tooLarge) {
        workspace.setTopology(parseTopology(read.text).topology);
        return;
      }
    }
  };

  const announceKinds = (): void => {
    const files = workspace
      .allFiles()
      .filter((f) => f.format)
      .flatMap((f) => (f.format ? [{ uri: f.uri, languageId: analyserOf(f.format).languageId }] : []));
    void connection.sendNotification(FILE_KINDS_NOTIFICATION, { files });
  };

  const refreshSettings = async (): Promise<void> => {
    if (!configurationSupported) return;
    const raw: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION).catch(() => undefined);
    workspace.setSettings(readSettings(raw));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    contained = realRoots(roots);
    configurationSupported = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', ',', ' ', '"', "'", ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'xen-nfs-boot' },
    };
  });

  connection.onInitialized(async () => {
    await refreshSettings();
    loadTopology();
    publisher.republishAll = true;
    const sitePaths: string[] = [];
    for (const root of roots) {
      const scan = scanFolderFully(root);
      scan.refused.forEach(noteRefusal);
      // The scan's paths are absolute and normalised: each is the path its URI names.
      for (const f of scan.all) sitePaths.push(relativePath(f));
      for (const file of scan.candidates) loadFromDisk(file);
      loadReferenced(scan.all, relativePath, loadFromDisk, workspace);
    }
    workspace.setSitePaths(sitePaths);
    announceKinds();
    publisher.startRun();
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    publisher.republishAll = true;
    schedule();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileURLToPath(change.uri);
      workspace.updateSitePath(relative(change.uri), change.type !== FileChangeType.Deleted);
      if (path.basename(file) === TOPOLOGY_FILE) {
        loadTopology();
        publisher.republishAll = true;
      } else if (change.type === FileChangeType.Deleted) {
        if (!documents.get(change.uri)) workspace.removeFile(change.uri);
      } else loadFromDisk(file);
    }
    schedule();
  });

  documents.onDidOpen((e) => {
    // The document's line table is built on first use, and the first use is the first edit's update (46 ms
    // for the 4.4 MB benchmark dhcpd.conf, paid by the first edit's diagnostics): build it while opening.
    e.document.positionAt(0);
    updateDocument(e.document);
    announceKinds();
  });
  documents.onDidChangeContent((e) => updateDocument(e.document));
  documents.onDidClose((e) => {
    const file = e.document.uri.startsWith('file:') ? fileURLToPath(e.document.uri) : undefined;
    if (file) loadFromDisk(file);
    else workspace.removeFile(e.document.uri);
    schedule();
  });

  function updateDocument(doc: TextDocument): void {
    const format = formatOfLanguage(doc.languageId);
    workspace.setFile(doc.uri, relative(doc.uri), doc.getText(), doc.version, { format });
    schedule();
  }

  const fileAt = (uri: string) => workspace.analysedFile(uri);

  const navigation = (): NavigationContext => navigationOf(workspace);

  const toLocation = (l: SiteLocation): Location => {
    const target = workspace.getFile(l.uri);
    const index = lines.get(l.uri, target?.text ?? '');
    return { uri: l.uri, range: index.range(l.span) };
  };

  connection.onHover((params): Hover | null => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return null;
    const index = lines.get(file.uri, file.text);
    const offset = index.offset(params.position);
    const result = featuresOf(file).hover(file, offset);
    const chain = bootChainHover(workspace.siteModel(), file.uri, offset);
    const chainText = chain ? `**Boot chain:** ${chain.text}` : undefined;
    const value = [result?.markdown, chainText].filter((t) => t !== undefined).join('\n\n---\n\n');
    const span = result?.span ?? chain?.anchor;
    return value && span ? { contents: { kind: 'markdown', value }, range: index.range(span) } : null;
  });

  connection.onCompletion((params): CompletionItem[] => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return [];
    const offset = lines.get(file.uri, file.text).offset(params.position);
    return featuresOf(file).complete(file, offset) as CompletionItem[];
  });

  // The version a fix is computed for (docs/security.md): an open document's, if the model has exactly that
  // text; null for a file not open whose text on disk is still the model's (else it is re-read, no fix now).
  const versionOf = (uri: string): number | null | undefined => {
    const doc = documents.get(uri);
    const model = workspace.getFile(uri);
    if (doc) return model?.version === doc.version ? doc.version : undefined;
    if (!model || !uri.startsWith('file:')) return undefined;
    const read = readContained(contained, fileURLToPath(uri), workspace.maxFileBytes());
    if (read.ok && !read.tooLarge && read.text === model.text) return null;
    loadFromDisk(fileURLToPath(uri));
    schedule();
    return undefined;
  };

  connection.onCodeAction((params): CodeAction[] => {
    const uri = params.textDocument.uri;
    const findings = workspace.findingsForActions(uri);
    const actions = codeActionsFor(workspace, findings, params.context.diagnostics as LspDiagnostic[], lines);
    return withVersions(actions, versionOf) as CodeAction[];
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return [];
    const index = lines.get(file.uri, file.text);
    const convert = (s: SymbolSpec): DocumentSymbol => ({
      name: s.name || ' ',
      detail: s.detail,
      kind: s.kind as SymbolKind,
      range: index.range(s.span),
      selectionRange: index.range(s.selection),
      children: s.children?.map(convert),
    });
    return featuresOf(file).symbols(file).map(convert);
  });

  connection.onDefinition((params): Location[] => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return [];
    const offset = lines.get(file.uri, file.text).offset(params.position);
    const definition = featuresOf(file).definition;
    const target = definition ? definition(file, offset) : undefined;
    const start = { line: 0, character: 0 };
    if (target)
      return workspace
        .resolveReference(file.uri, target)
        .map((uri) => ({ uri, range: { start, end: start } }));
    return siteDefinition(navigation(), file.uri, offset).map(toLocation);
  });

  connection.onReferences((params): Location[] => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return [];
    const offset = lines.get(file.uri, file.text).offset(params.position);
    return siteReferences(navigation(), file.uri, offset).map(toLocation);
  });

  // The boot chain at a glance: a lens without a command is plain text; one with a problem opens the
  // Problems panel, where the diagnostic on the failing reference is.
  connection.onCodeLens((params): CodeLens[] => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return [];
    const index = lines.get(file.uri, file.text);
    return bootChainsIn(workspace.siteModel(), file.uri).map((c) => ({
      range: index.range(c.anchor),
      command: c.firstProblem
        ? { title: c.text, command: 'workbench.actions.view.problems' }
        : { title: c.text, command: '' },
    }));
  });

  // The boot chain view and the Machines tree (issue 8): the links of the published findings, so a link's
  // colour always matches the Problems panel.
  const linkContext = (): LinkContext => ({
    site: workspace.siteModel(),
    findings: publisher.publishedFindings(),
    severityOf: (f) => effectiveSeverity(workspace, f),
  });
  const rangeOf: RangeOf = (uri, span) => lines.get(uri, workspace.getFile(uri)?.text ?? '').range(span);
  connection.onRequest(BOOT_CHAIN_REQUEST, (params: BootChainParams): ChainsResult => {
    const file = workspace.getFile(params.uri);
    const offset =
      file && params.position ? lines.get(file.uri, file.text).offset(params.position) : undefined;
    return bootChainView(linkContext(), params.uri, offset, rangeOf);
  });
  connection.onRequest(OVERVIEW_REQUEST, (): ChainsResult => overviewView(linkContext(), rangeOf));

  connection.onFoldingRanges((params): FoldingRange[] => {
    const file = fileAt(params.textDocument.uri);
    if (!file) return [];
    const index = lines.get(file.uri, file.text);
    return featuresOf(file)
      .folding(file)
      .map(({ span, comment }) => ({
        startLine: index.position(span.start).line,
        endLine: index.position(span.end).line,
        kind: comment ? 'comment' : undefined,
      }));
  });

  documents.listen(connection);
  connection.listen();
}
