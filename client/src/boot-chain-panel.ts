import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { bootChainHtml, targetOf } from './boot-chain-html';
import { BOOT_CHAIN_REQUEST, LANGUAGES } from './chain-types';
import type { ChainsResult } from './chain-types';
import { isOurs, openLocation } from './open-location';

/** Sends a request to the language server (the client once it has started). */
export type Request = <R>(method: string, params: object) => Promise<R>;

/**
 * The "Boot chain" webview panel: the chain of the file in the active editor, redrawn when another of our
 * files becomes active and when diagnostics change. A click on a node opens its file at its line, in the
 * editor column the file came from. Created on first use only (activation stays cheap).
 */
export class BootChainPanel implements vscode.Disposable {
  private static current: BootChainPanel | undefined;
  private uri: vscode.Uri | undefined;
  private result: ChainsResult | undefined;
  private column = vscode.ViewColumn.One;
  /** A file this panel just opened: its becoming active must not change what the panel shows. */
  private opened: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly request: Request,
  ) {
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m), undefined, this.disposables);
    vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e), undefined, this.disposables);
  }

  /** Shows the panel for `uri` (else the active editor's file), creating it if needed. */
  static async show(request: Request, uri: vscode.Uri | undefined): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (isOurs(editor?.document, LANGUAGES) ? editor?.document.uri : undefined);
    if (!BootChainPanel.current) {
      const panel = vscode.window.createWebviewPanel(
        'xenNfsBoot.bootChain',
        'Boot chain',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
      );
      BootChainPanel.current = new BootChainPanel(panel, request);
    }
    const current = BootChainPanel.current;
    if (editor?.viewColumn) current.column = editor.viewColumn;
    current.panel.reveal(undefined, true);
    await current.load(target ?? current.uri);
  }

  /** Redraws the open panel (diagnostics changed). */
  static async refresh(): Promise<void> {
    await BootChainPanel.current?.load(BootChainPanel.current.uri);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isOurs(editor.document, LANGUAGES)) return;
    const uri = editor.document.uri.toString();
    if (uri === this.opened) {
      this.opened = undefined;
      return;
    }
    if (editor.viewColumn) this.column = editor.viewColumn;
    void this.load(editor.document.uri);
  }

  private async load(uri: vscode.Uri | undefined): Promise<void> {
    this.uri = uri;
    this.result = uri
      ? await this.request<ChainsResult>(BOOT_CHAIN_REQUEST, { uri: uri.toString() }).catch(() => undefined)
      : undefined;
    const label = uri ? vscode.workspace.asRelativePath(uri) : '';
    this.panel.webview.html = bootChainHtml(this.result, label, randomBytes(16).toString('base64'));
  }

  private async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; target?: unknown } | undefined;
    if (m?.type !== 'open') return;
    const target = targetOf(this.result, m.target);
    if (!target) return;
    if (target.uri !== this.uri?.toString()) this.opened = target.uri;
    await openLocation(target.uri, target.range, this.column);
  }

  dispose(): void {
    if (BootChainPanel.current === this) BootChainPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
