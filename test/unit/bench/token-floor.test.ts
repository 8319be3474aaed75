import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countTokens } from '../../../bench/token-floor';
import { lexDhcpConf } from '../../../server/src/formats/dhcp/lexer';

/**
 * The benchmark's token floor (bench/token-floor.ts) must do the lexer's work and no less, or the floor it
 * reports would be too low: on well-formed files it finds as many tokens as the product's lexer.
 */

const REPO = path.join(__dirname, '..', '..', '..', '..');

describe('benchmark: the token floor', () => {
  it('counts the tokens the dhcpd.conf lexer makes', () => {
    const files = [
      'examples/lab/dom0/etc/dhcp/dhcpd.conf',
      'test/fixtures/dhcp/option-definitions.conf',
      'test/fixtures/dhcp/seed-001-dhcpd.conf',
    ];
    for (const file of files) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      assert.equal(countTokens(text), lexDhcpConf(text).tokens.length, file);
    }
  });

  it('counts a host block word by word, strings whole, comments and blanks skipped', () => {
    const host = 'host a-1 { # one\n  hardware ethernet 00:16:3e:00:00:01;\n  filename "pxe linux.0";\n}\n';
    assert.equal(countTokens(host), 11);
    assert.equal(countTokens(host.repeat(3)), 33);
    assert.equal(countTokens(''), 0);
  });

  it('reads comparisons, escaped quotes and unclosed strings as the lexer does', () => {
    const lines = [
      'if option dhcp-user-class != "pxe" { filename "a\\"b"; }',
      'if substring (option vendor-class-identifier, 0, 9) ~= "PXEClient" { next-server 10.0.0.1; }',
      'option domain-name "unclosed;\nhost x { }',
      'a ~~ b = c ! d ~ e',
    ];
    for (const text of lines) assert.equal(countTokens(text), lexDhcpConf(text).tokens.length, text);
  });
});
