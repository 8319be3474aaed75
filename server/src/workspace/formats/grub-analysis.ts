import { buildBootEntries } from '../../formats/grub/model';
import { parseGrubMenu } from '../../formats/grub/parser';
import { checkGrubFile, checkGrubSet, isGrubFile } from '../../rules/grub';
import type { GrubFile, GrubFileExists } from '../../rules/grub';
import type { SiteContext } from '../analysed-file';
import { hostOf } from '../hosts';
import type { FormatAnalysis } from './lazy-analyser';

/**
 * Parsing and checking GRUB legacy menus (loaded with the first one: grub.ts). Files the menus load are
 * looked up in the site's file map (`grub/missing-file`) where the topology says where they are: `(nd)` and
 * menus inside a host's `tftpRoot` read from that `tftpRoot`.
 */
export const GRUB_ANALYSIS: FormatAnalysis = {
  analyse(uri, text): GrubFile {
    const ast = parseGrubMenu(text);
    return { uri, text, format: 'grub-legacy', ast, entries: buildBootEntries(uri, ast) };
  },
  check: (file) => (isGrubFile(file) ? checkGrubFile(file) : []),
  checkSet: (files, site) => checkGrubSet(files.filter(isGrubFile), grubFileExists(site)),
};

function folder(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * Whether a file a menu loads exists where the site maps it. Only the TFTP case can be told: a file read
 * over the network (`(nd)`, or no device in a menu served from a host's `tftpRoot`) must be under that
 * `tftpRoot`. Whenever the site does not say, the answer is yes, so that only certain misses are reported.
 */
export function grubFileExists(site: SiteContext | undefined): GrubFileExists {
  return (path, ref) => {
    const menu = site?.pathOf(ref.uri);
    if (!site?.paths || menu === undefined) return true;
    const tftp = hostOf(site.topology, menu)?.tftpRoot;
    if (tftp === undefined) return true;
    const root = folder(tftp);
    const servedOverTftp = ref.device === 'nd' || (ref.device === undefined && menu.startsWith(`${root}/`));
    if (!servedOverTftp) return true;
    return site.paths.has(`${root}${path.startsWith('/') ? '' : '/'}${path}`);
  };
}
