import type { ChainsResult, ChainView, LinkStatus, LinkView } from './chain-types';

/**
 * The boot chain webview's page: one row of nodes per machine, joined by links coloured by status, with the
 * diagnostics behind each node under it. Pure (no `vscode`): strict CSP with a nonce, no remote resources,
 * theme colours through VS Code's CSS variables. A click posts `{ type: 'open', target: "c.l" | "c.l.d" }`
 * (indexes into the answer the page was drawn from): the page never names a file itself.
 */

const STATUS_WORD: Readonly<Record<LinkStatus, string>> = {
  ok: 'OK',
  warning: 'warning',
  error: 'error',
  unknown: 'not followed',
};

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
  color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
h2 { font-size: 1.1em; margin: 16px 0 4px; }
.sub { color: var(--vscode-descriptionForeground); margin-bottom: 8px; }
.row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0; }
.step { display: flex; align-items: flex-start; }
.link { width: 20px; height: 4px; margin-top: 26px; border-radius: 2px; }
.node { display: block; width: 150px; text-align: left; cursor: pointer; font: inherit;
  color: var(--vscode-foreground); background: var(--vscode-editorWidget-background);
  border: 2px solid var(--vscode-widget-border, var(--vscode-panel-border)); border-radius: 6px;
  padding: 6px 8px; margin-bottom: 6px; }
.node:focus { outline: 1px solid var(--vscode-focusBorder); }
.node .title { font-weight: 600; overflow-wrap: anywhere; }
.node .detail { color: var(--vscode-descriptionForeground); font-size: 0.9em; overflow-wrap: anywhere; }
.node .status { font-size: 0.85em; margin-top: 2px; }
.diag { display: block; width: 150px; margin: 0 0 4px; padding: 2px 4px; font-size: 0.85em; cursor: pointer;
  border-left: 3px solid currentColor; overflow-wrap: anywhere; }
.diag code { font-family: var(--vscode-editor-font-family); }
.ok { border-color: var(--vscode-testing-iconPassed, #388a34); color: var(--vscode-testing-iconPassed, #388a34); }
.error { border-color: var(--vscode-errorForeground); color: var(--vscode-errorForeground); }
.warning { border-color: var(--vscode-editorWarning-foreground); color: var(--vscode-editorWarning-foreground); }
.unknown { border-color: var(--vscode-disabledForeground); color: var(--vscode-disabledForeground); }
.link.ok { background: var(--vscode-testing-iconPassed, #388a34); }
.link.error { background: var(--vscode-errorForeground); }
.link.warning { background: var(--vscode-editorWarning-foreground); }
.link.unknown { background: var(--vscode-disabledForeground); }
.node .title { color: var(--vscode-foreground); }
.empty { color: var(--vscode-descriptionForeground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-open]') : null;
  if (target) vscode.postMessage({ type: 'open', target: target.getAttribute('data-open') });
});
`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function nodeHtml(link: LinkView, c: number, l: number): string {
  const diagnostics = link.diagnostics
    .map(
      (d, i) =>
        `<div class="diag ${d.severity === 'error' || d.severity === 'warning' ? d.severity : 'ok'}" data-open="${c}.${l}.${i}" title="${escapeHtml(d.message)}"><code>${escapeHtml(d.code)}</code> ${escapeHtml(d.message)}</div>`,
    )
    .join('');
  return (
    `<div class="cell"><button class="node ${link.status}" data-open="${c}.${l}" data-kind="${link.kind}" data-status="${link.status}">` +
    `<div class="title">${escapeHtml(link.title)}</div><div class="detail">${escapeHtml(link.detail)}</div>` +
    `<div class="status">${STATUS_WORD[link.status]}</div></button>${diagnostics}</div>`
  );
}

function chainHtml(chain: ChainView, c: number): string {
  const steps = chain.links
    .map(
      (link, l) =>
        `<div class="step">${l > 0 ? `<div class="link ${link.status}"></div>` : ''}${nodeHtml(link, c, l)}</div>`,
    )
    .join('');
  const root = chain.root ? ` · root ${chain.root}` : '';
  return (
    `<section class="chain" data-name="${escapeHtml(chain.name)}" data-status="${chain.status}">` +
    `<h2>${escapeHtml(chain.name)}</h2><div class="sub">${escapeHtml(`${chain.address}${root}`)} · ${STATUS_WORD[chain.status]}</div>` +
    `<div class="row">${steps}</div></section>`
  );
}

/** The whole page for the chains of `fileLabel`. */
export function bootChainHtml(result: ChainsResult | undefined, fileLabel: string, nonce: string): string {
  const body =
    result && result.chains.length > 0
      ? result.chains.map(chainHtml).join('')
      : `<p class="empty">No boot chain for ${escapeHtml(fileLabel || 'this editor')}: open a Xen domain config, a boot loader menu, or a file one of them uses.</p>`;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Boot chain</title><style nonce="${nonce}">${STYLE}</style></head>
<body><div class="sub">Boot chain of ${escapeHtml(fileLabel)}</div>${body}<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

/** The link or diagnostic a posted `target` ("c.l" or "c.l.d") names in `result`. */
export function targetOf(
  result: ChainsResult | undefined,
  target: unknown,
): { uri: string; range: LinkView['range'] } | undefined {
  if (typeof target !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(target)) return undefined;
  const [c, l, d] = target.split('.').map(Number);
  const link = result?.chains[c]?.links[l];
  if (!link) return undefined;
  if (d === undefined) return { uri: link.uri, range: link.range };
  const diagnostic = link.diagnostics[d];
  return diagnostic ? { uri: diagnostic.uri, range: diagnostic.range } : undefined;
}
