import { includeMatches } from '../../formats/dhcp/recognise';
import type { DhcpFile } from './types';

/**
 * One DHCP server's configuration: a dhcpd.conf and the files it includes (transitively). Checks between
 * hosts (duplicates, addresses against ranges and subnets, next-server in scope) run per configuration, so
 * that two servers' files in one workspace are not compared with each other.
 */
export interface DhcpConfiguration {
  readonly root: DhcpFile;
  readonly files: readonly DhcpFile[];
}

/** The files `file` includes that are in `files`. */
export function includedFiles(file: DhcpFile, files: readonly DhcpFile[]): DhcpFile[] {
  return file.ast.includes.flatMap((inc) =>
    files.filter((f) => f !== file && includeMatches(file.path, inc.text, f.path)),
  );
}

/** Groups files into configurations: every file that no other file includes is a root. */
export function configurations(files: readonly DhcpFile[]): DhcpConfiguration[] {
  const included = new Set(files.flatMap((f) => includedFiles(f, files)));
  const roots = files.filter((f) => !included.has(f));
  return roots.map((root) => {
    const seen = new Set<DhcpFile>([root]);
    const queue = [root];
    while (queue.length > 0) {
      const f = queue.shift() as DhcpFile;
      for (const g of includedFiles(f, files)) {
        if (!seen.has(g)) {
          seen.add(g);
          queue.push(g);
        }
      }
    }
    return { root, files: [...seen] };
  });
}
