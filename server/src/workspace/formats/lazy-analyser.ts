import type { FormatAnalyser } from '../format-registry';

/** How a format is recognised and keyed: cheap, needed before any file of it is read. */
export type FormatRecognition = Omit<FormatAnalyser, 'analyse' | 'check' | 'checkSet'>;

/** How a format's files are parsed and checked: its parser and its rules. */
export type FormatAnalysis = Pick<FormatAnalyser, 'analyse' | 'check' | 'checkSet'>;

/**
 * A format whose parser and rules are loaded when its first file is analysed. Building a format's Chevrotain
 * lexer and parser takes milliseconds at start-up, and the command line checking one dhcpd.conf needs no
 * other format's (issue 6: `xen-nfs-boot check` against `dhcpd -t`). `load` requires the analysis module.
 */
export function lazyAnalyser(recognition: FormatRecognition, load: () => FormatAnalysis): FormatAnalyser {
  let analysis: FormatAnalysis | undefined;
  const loaded = (): FormatAnalysis => (analysis ??= load());
  return {
    ...recognition,
    analyse: (uri, text, context, previous) => loaded().analyse(uri, text, context, previous),
    check: (file) => loaded().check(file),
    // Set checks run for every format; a format without files has nothing to check and is not loaded for it.
    checkSet: (files, site) => (files.length === 0 ? [] : loaded().checkSet(files, site)),
  };
}
