import assert from 'node:assert/strict';
import { hoverKconfig } from '../../../../server/src/features/kconfig/hover';
import { checkKconfigFile } from '../../../../server/src/rules/kconfig';
import { analyseKconfig } from '../../helpers/kconfig-site';

// Symbol names are shared by every file the server holds, in a table that a new one replaces when it is
// full (issue 6): a file read before the change must keep answering from the table it was read with.
describe('kconfig: symbol names shared across files', () => {
  const first =
    '#\n# Linux/x86 6.1.0 Kernel Configuration\n#\nCONFIG_NFS_FS=m\nCONFIG_NFS_FS=y\n# CONFIG_IP_PNP is not set\n';

  it('keeps the values, hovers and findings of a file read before 70,000 new names fill the table', () => {
    const file = analyseKconfig(first);
    const before = {
      nfs: file.model.symbols.get('NFS_FS'),
      pnp: file.model.symbols.get('IP_PNP'),
      hover: hoverKconfig(file, first.indexOf('CONFIG_NFS_FS=m') + 3),
      findings: checkKconfigFile(file),
    };
    const many = Array.from({ length: 70_000 }, (_, i) => `CONFIG_GENERATED_${i}=y`).join('\n');
    const big = analyseKconfig(`${many}\nCONFIG_NFS_FS=n\n`);
    assert.equal(big.model.symbols.size, 70_001);
    assert.equal(big.model.symbols.get('GENERATED_69999')?.state, 'y');
    assert.equal(big.model.symbols.get('NFS_FS')?.state, 'n');
    // A third file, read with the new table, sees its own names only.
    const third = analyseKconfig('CONFIG_IP_PNP=y\n');
    assert.equal(third.model.symbols.get('IP_PNP')?.state, 'y');
    assert.equal(third.model.symbols.get('GENERATED_1'), undefined);
    assert.equal(third.model.symbols.size, 1);

    assert.deepEqual(file.model.symbols.get('NFS_FS'), before.nfs);
    assert.equal(before.nfs?.state, 'y');
    assert.deepEqual(
      before.nfs?.occurrences.map((e) => e.line.start),
      [first.indexOf('CONFIG_NFS_FS=m'), first.indexOf('CONFIG_NFS_FS=y')],
    );
    assert.deepEqual(file.model.symbols.get('IP_PNP'), before.pnp);
    assert.equal(file.model.symbols.get('GENERATED_1'), undefined);
    assert.deepEqual(hoverKconfig(file, first.indexOf('CONFIG_NFS_FS=m') + 3), before.hover);
    assert.match(before.hover?.markdown ?? '', /a later line overrides it/);
    assert.deepEqual(checkKconfigFile(file), before.findings);
    assert.deepEqual(
      before.findings.map((f) => f.ruleId),
      ['kconfig/duplicate-symbol', 'kconfig/duplicate-symbol', 'kconfig/unmet-dependency'],
    );
  });
});
