import * as vscode from 'vscode';
import { OVERVIEW_REQUEST } from './chain-types';
import type { ChainsResult, ChainView, LinkStatus, LinkView } from './chain-types';
import type { Request } from './boot-chain-panel';

/** The command a tree item runs to open its file at its line. */
export const OPEN_COMMAND = 'xenNfsBoot.openLocation';

/** A machine or one of its chain's links, with an id that stays the same across refreshes (see `withIds`). */
type Node =
  | { readonly machine: ChainView; readonly id: string }
  | { readonly link: LinkView; readonly id: string };

const ICONS: Readonly<Record<LinkStatus, [string, string]>> = {
  ok: ['pass', 'testing.iconPassed'],
  warning: ['warning', 'editorWarning.foreground'],
  error: ['error', 'errorForeground'],
  unknown: ['question', 'disabledForeground'],
};

function icon(status: LinkStatus): vscode.ThemeIcon {
  const [id, colour] = ICONS[status];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(colour));
}

function diagnosticsText(link: LinkView): string {
  return link.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n');
}

/**
 * The "Machines" tree in the Explorer: every machine of the site (`xenNfsBoot/overview`) with its address,
 * root and status, each expandable to its boot chain's links; a click opens the file at the line. It asks
 * the server only while the view is visible (VS Code calls `getChildren` then).
 */
export class MachinesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly request: Request) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node && 'machine' in node)
      return node.machine.links.map((link, i) => ({ link, id: `${node.id}/${i}` }));
    if (node) return [];
    const result = await this.request<ChainsResult>(OVERVIEW_REQUEST, {}).catch(() => undefined);
    return withIds(result?.chains ?? []);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const view = 'machine' in node ? node.machine : node.link;
    const item = new vscode.TreeItem(
      'machine' in node ? node.machine.name : node.link.title,
      'machine' in node ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    // A stable id keeps expansion and selection across refreshes (every time diagnostics change): without
    // one, VS Code makes an id from the label and the item's place, which a machine added before it changes.
    item.id = node.id;
    item.iconPath = icon(view.status);
    item.command = { title: 'Open', command: OPEN_COMMAND, arguments: [view.uri, view.range] };
    if ('machine' in node) {
      const m = node.machine;
      item.description = `${m.address}${m.root ? ` · ${m.root}` : ''}`;
      item.tooltip = `${m.name} (${m.kind === 'domU' ? 'Xen domU' : 'boot entry'}): ${m.status}`;
      item.contextValue = 'machine';
    } else {
      const l = node.link;
      item.description = l.detail;
      item.tooltip = [`${l.title}: ${l.status}`, diagnosticsText(l)].filter((t) => t).join('\n');
      item.contextValue = 'link';
    }
    return item;
  }
}

/** Machines with ids made of their file and name (a machine seen twice under both gets a count). */
function withIds(chains: readonly ChainView[]): Node[] {
  const seen = new Map<string, number>();
  return chains.map((machine) => {
    const key = `${machine.uri}#${machine.name}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { machine, id: n === 0 ? key : `${key}#${n}` };
  });
}
