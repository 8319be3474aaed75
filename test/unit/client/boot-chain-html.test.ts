import assert from 'node:assert/strict';
import { bootChainHtml, targetOf } from '../../../client/src/boot-chain-html';
import * as client from '../../../client/src/chain-types';
import * as server from '../../../server/src/features/chain-view';
import type { ChainsResult } from '../../../server/src/features/chain-view';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });

const RESULT: ChainsResult = {
  chains: [
    {
      name: 'app<1>',
      kind: 'domU',
      address: '192.168.2.12',
      root: '192.168.2.1:/export/app1',
      status: 'error',
      uri: 'file:///w/etc/xen/app1.cfg',
      range: range(1),
      links: [
        {
          kind: 'xen',
          title: 'Xen domU app1',
          detail: 'app1.cfg',
          status: 'ok',
          uri: 'file:///w/etc/xen/app1.cfg',
          range: range(1),
          diagnostics: [],
        },
        {
          kind: 'export',
          title: 'Export line',
          detail: 'no export serves it',
          status: 'error',
          uri: 'file:///w/etc/xen/app1.cfg',
          range: range(5),
          diagnostics: [
            {
              code: 'nfs/root-not-exported',
              severity: 'error',
              message: 'no "export" <serves> /export/app1',
              uri: 'file:///w/etc/xen/app1.cfg',
              range: range(5),
            },
          ],
        },
      ],
    },
  ],
};

describe('the boot chain webview page', () => {
  const html = bootChainHtml(RESULT, 'etc/xen/app1.cfg', 'N0NCE');

  it('has a strict CSP with a nonce and loads nothing from anywhere', () => {
    assert.match(html, /content="default-src 'none'; style-src 'nonce-N0NCE'; script-src 'nonce-N0NCE';"/);
    assert.doesNotMatch(html, /\b(src|href)=|https?:/);
    assert.equal(html.match(/<script nonce="N0NCE">/g)?.length, 1);
  });

  it('draws a node per link with its status, the coloured link before it, and the diagnostic text', () => {
    assert.match(html, /<button class="node ok" data-open="0\.0" data-kind="xen" data-status="ok">/);
    assert.match(
      html,
      /<div class="link error"><\/div><div class="cell"><button class="node error" data-open="0\.1"/,
    );
    assert.match(
      html,
      /<code>nfs\/root-not-exported<\/code> no &#34;export&#34; &#60;serves&#62; \/export\/app1/,
    );
    assert.match(html, /<h2>app&#60;1&#62;<\/h2>/);
  });

  it('says so when the file has no chain', () => {
    assert.match(bootChainHtml({ chains: [] }, 'etc/motd', 'N'), /No boot chain for etc\/motd/);
  });

  it('resolves a click to the link or diagnostic it names, and nothing else', () => {
    assert.deepEqual(targetOf(RESULT, '0.1'), { uri: 'file:///w/etc/xen/app1.cfg', range: range(5) });
    assert.deepEqual(targetOf(RESULT, '0.1.0'), { uri: 'file:///w/etc/xen/app1.cfg', range: range(5) });
    for (const bad of ['0.2', '1.0', '0.1.1', 'file:///etc/passwd', 7, undefined])
      assert.equal(targetOf(RESULT, bad), undefined, String(bad));
  });

  it('uses the server’s request names', () => {
    assert.equal(client.BOOT_CHAIN_REQUEST, server.BOOT_CHAIN_REQUEST);
    assert.equal(client.OVERVIEW_REQUEST, server.OVERVIEW_REQUEST);
  });
});
