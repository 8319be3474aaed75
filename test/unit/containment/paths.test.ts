import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { fileUri, isInside, toRelative } from '../../../server/src/node/disk';
import { prng } from '../../fuzz/prng';

// The paths a site's files are known by (CONTRACT.md: relative, `/` separators) and the containment test
// every read goes through: plain paths are answered directly, the others as path.relative answers them.
describe('containment: paths inside the workspace', () => {
  it('says which paths lie inside a root, whatever dots and slashes they are written with', () => {
    const inside: [string, string][] = [
      ['/site', '/site/etc/xen/dom1.cfg'],
      ['/site', '/site/.hidden/exports'],
      ['/site', '/site'],
      ['/site', '/site/a/'],
      ['/site', '/site/a/../b'],
      ['/', '/etc/exports'],
    ];
    const outside: [string, string][] = [
      ['/site', '/sites/etc/exports'],
      ['/site', '/site/../etc/passwd'],
      ['/site', '/site/a/../../etc/passwd'],
      ['/site', '/etc/passwd'],
      ['/site/a', '/site'],
    ];
    for (const [root, p] of inside) assert.equal(isInside(root, p), true, `${p} in ${root}`);
    for (const [root, p] of outside) assert.equal(isInside(root, p), false, `${p} in ${root}`);
  });

  it('names files by their path below the root, without dots or trailing slashes', () => {
    assert.equal(toRelative('/site', '/site/dom0/etc/xen/dom1.cfg'), 'dom0/etc/xen/dom1.cfg');
    assert.equal(toRelative('/site', '/site/dom0/./etc//exports'), 'dom0/etc/exports');
    assert.equal(toRelative('/site', '/site/dom0/etc/'), 'dom0/etc');
    assert.equal(toRelative('/site', '/site/.config'), '.config');
    assert.equal(toRelative('/site', '/site'), '');
    assert.equal(toRelative('/site/a', '/site/b/x'), '../b/x');
  });

  it('names files by the URI pathToFileURL gives them, for plain paths and any other (3,000 random paths)', () => {
    const written = [
      '/site/dom0/etc/xen/dom1.cfg',
      '/site/.hidden/exports',
      '/site/a/.../b',
      '/site/a/./b',
      '/site/a/../b',
      '/site//b',
      '/site/b/',
      '/site/.',
      '/site/..',
      'relative/path',
      '/site/with space',
      '/site/100%',
      '/site/a#b?c',
      '/site/caf\u00e9',
      '/site/back\\slash',
      '/site/tab\tnewline\n',
      '/site/~user/{x}',
    ];
    const rnd = prng(23);
    const pieces = [
      '/',
      'a',
      'Z',
      '9',
      '.',
      '..',
      '_',
      '-',
      ' ',
      '%',
      '#',
      '?',
      '\\',
      '\u00e9',
      '~',
      '+',
      '@',
      ':',
    ];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rnd() * 10);
      written.push('/' + Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''));
    }
    for (const p of written) assert.equal(fileUri(p), pathToFileURL(p).href, JSON.stringify(p));
  });
});
