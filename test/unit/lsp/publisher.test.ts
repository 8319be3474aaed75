import assert from 'node:assert/strict';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndexCache } from '../../../server/src/features/diagnostics';
import { Publisher } from '../../../server/src/lsp/publisher';
import type { FileParts } from '../../../server/src/workspace/check-cache';
import type { Workspace } from '../../../server/src/workspace/workspace';

/**
 * The publisher's promise to an editor: an open document's diagnostics are written before the check goes
 * on. A slice run while the connection was still writing them delayed them by the slice (issue 6: the
 * benchmark's dhcpd.conf edit, p95 ~100-150 ms, most of it waiting behind slices of the cross-file checks).
 */

const OPEN = 'file:///site/etc/dhcp/dhcpd.conf';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A check of one open document and three other files; counts the steps taken after the open document's. */
function fakeWorkspace(progress: { after: number }): Workspace {
  function* steps(): Generator<FileParts | undefined, void> {
    yield { uri: OPEN, parts: [[]] };
    for (const name of ['a', 'b', 'c']) {
      progress.after++;
      yield { uri: `file:///site/etc/xen/${name}.cfg`, parts: [[]] };
    }
  }
  const fake = {
    checkSteps: () => steps(),
    getFile: (uri: string) => ({ uri, text: '', format: 'dhcpd-conf' }),
  };
  return fake as unknown as Workspace;
}

/** A write of diagnostics that the test finishes, well or not. */
interface Write {
  readonly done: () => void;
  readonly failed: () => void;
}

/** A connection whose writes of diagnostics finish when the test says so. */
function fakeConnection(sent: string[], writes: Write[], checked: { runs: number }): Connection {
  const fake = {
    sendDiagnostics: (p: { uri: string }) => {
      sent.push(p.uri);
      return new Promise<void>((resolve, reject) =>
        writes.push({ done: resolve, failed: () => reject(new Error('write failed')) }),
      );
    },
    sendNotification: () => {
      checked.runs++;
      return Promise.resolve();
    },
    console: { error: (message: string) => assert.fail(message) },
  };
  return fake as unknown as Connection;
}

/** A publisher over the fakes, and what it did. */
function setUp(): {
  publisher: Publisher;
  progress: { after: number };
  sent: string[];
  writes: Write[];
  checked: { runs: number };
} {
  const progress = { after: 0 };
  const sent: string[] = [];
  const writes: Write[] = [];
  const checked = { runs: 0 };
  const documents = { get: (uri: string) => (uri === OPEN ? { version: 2 } : undefined) };
  const publisher = new Publisher(
    fakeConnection(sent, writes, checked),
    fakeWorkspace(progress),
    documents as unknown as TextDocuments<TextDocument>,
    new LineIndexCache(),
    { debounceMs: 0, sliceMs: 1000 },
  );
  return { publisher, progress, sent, writes, checked };
}

describe('publisher: an open document first', () => {
  it('goes on with the check only once the open document’s diagnostics are written', async () => {
    const { publisher, progress, sent, writes, checked } = setUp();
    publisher.startRun();
    await sleep(30);
    assert.deepEqual(sent, [OPEN], 'the open document is published first');
    assert.equal(progress.after, 0, 'nothing else is checked while its diagnostics are being written');
    writes[0].done();
    await sleep(30);
    assert.equal(progress.after, 3, 'the check goes on once they are written');
    assert.equal(sent.length, 4);
    assert.equal(checked.runs, 1);
  });

  it('goes on after a failed write too, without an unhandled rejection', async () => {
    const { publisher, progress, writes, checked } = setUp();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      publisher.startRun();
      await sleep(30);
      writes[0].failed();
      await sleep(30);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    assert.equal(progress.after, 3);
    assert.equal(checked.runs, 1);
    assert.deepEqual(rejections, []);
  });

  it('does not resume a run that a newer one replaced when its write ends', async () => {
    const { publisher, progress, sent, writes, checked } = setUp();
    publisher.startRun();
    await sleep(30);
    publisher.startRun();
    await sleep(30);
    assert.deepEqual(sent, [OPEN, OPEN], 'each run publishes the open document');
    writes[0].done();
    await sleep(30);
    assert.equal(progress.after, 0, 'the first run stays stopped');
    writes[1].done();
    await sleep(30);
    assert.equal(progress.after, 3, 'only the second run goes on');
    assert.equal(checked.runs, 1);
  });
});
