import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FormatId } from '../workspace/analysed-file';
import { formatByContent, formatOf } from '../workspace/format-registry';
import { parseTopology } from '../workspace/topology';
import type { TopologyProblem } from '../workspace/topology';
import { Workspace } from '../workspace/workspace';
import type { WorkspaceSettings } from '../workspace/workspace';
import type { CheckBudget } from '../rules/site';
import {
  fileUri,
  readContained,
  readTextFile,
  realRoots,
  scanFolderFully,
  toRelative,
  TOPOLOGY_FILE,
} from './disk';
import type { Refusal } from './disk';
import { loadReferenced } from './references';

/**
 * The time one file's work may take in the checker and the server (issue 7): a thousand times what a large
 * real file needs, so it only ever stops a runaway check.
 */
export const FILE_BUDGET: CheckBudget = { now: () => performance.now(), ms: 10_000 };

/** A site loaded from disk. */
export interface LoadedSite {
  readonly workspace: Workspace;
  /** The folder paths are relative to (the topology file's folder, else the first folder given). */
  readonly root: string;
  readonly topologyFile: string | undefined;
  readonly topologyProblems: readonly TopologyProblem[];
  /** Files that could not be read, with why. */
  readonly unreadable: readonly { file: string; error: string }[];
  /** Files deliberately not read (symbolic links leaving the folders, FIFOs, devices), with why. */
  readonly refused: readonly Refusal[];
}

function findTopology(inputs: readonly string[], explicit: string | undefined): string | undefined {
  if (explicit) return path.resolve(explicit);
  for (const p of inputs) {
    const candidate = path.join(p, TOPOLOGY_FILE);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Reads the topology file: a named one as it is, a found one only inside its folder (docs/security.md). */
function readTopology(file: string, explicit: boolean): string {
  const read = explicit
    ? readTextFile(file, 1024 * 1024)
    : readContained(realRoots([path.dirname(file)]), file, 1024 * 1024);
  if (!read.ok) throw new Error(`${file}: ${read.error}`);
  if (read.tooLarge) throw new Error(`${file}: larger than 1 MB`);
  return read.text;
}

/**
 * Loads every file of the given paths as one site. Explicitly named files are always read; folders
 * contribute the files whose name and place make them candidates, and only files inside them are read
 * (symbolic links that leave them, FIFOs and devices are refused: `refused`). Throws only for a missing
 * input path or an unreadable topology file (the CLI's exit 2).
 */
export function loadSite(
  inputs: readonly string[],
  configFile: string | undefined,
  settings: WorkspaceSettings,
): LoadedSite {
  const resolved = inputs.map((p) => path.resolve(p));
  for (const p of resolved) if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
  const folders = resolved.map((p) => (fs.statSync(p).isDirectory() ? p : path.dirname(p)));
  const topologyFile = findTopology(folders, configFile);
  const root = topologyFile ? path.dirname(topologyFile) : folders[0];
  const workspace = new Workspace();
  workspace.setSettings(settings);
  workspace.setBudget(FILE_BUDGET);
  let topologyProblems: TopologyProblem[] = [];
  if (topologyFile) {
    const parsed = parseTopology(readTopology(topologyFile, configFile !== undefined));
    workspace.setTopology(parsed.topology);
    topologyProblems = parsed.problems;
  }
  const unreadable: { file: string; error: string }[] = [];
  const refused: Refusal[] = [];
  // Explicitly named files are read as they are; everything else only inside the folders given.
  const explicitFiles = new Set(resolved.filter((p) => !fs.statSync(p).isDirectory()));
  const roots = realRoots(resolved.filter((p) => !explicitFiles.has(p)));
  const relativeOf = (file: string): string => {
    const rel = toRelative(root, file);
    return rel.startsWith('..') ? file.split(path.sep).join('/') : rel;
  };
  const add = (file: string, explicit: boolean, format?: FormatId): void => {
    const read = explicitFiles.has(file)
      ? readTextFile(file, workspace.maxFileBytes())
      : readContained(roots, file, workspace.maxFileBytes());
    if (!read.ok) {
      if (read.refused && !explicitFiles.has(file)) refused.push({ file, reason: read.error });
      else unreadable.push({ file, error: read.error });
      return;
    }
    // A file named explicitly is read whatever its name: by name and place if they say (`etc/xen/domu1`),
    // else by its content alone.
    const forced =
      format ??
      (explicit ? (formatOf(relativeOf(file), read.text) ?? formatByContent(read.text)) : undefined);
    workspace.setFile(fileUri(file), relativeOf(file), read.text, 1, {
      format: forced,
      sizeBytes: read.tooLarge,
    });
  };
  const everyFile: string[] = [];
  for (const p of resolved) {
    if (!fs.statSync(p).isDirectory()) {
      add(p, true);
      continue;
    }
    const scan = scanFolderFully(p);
    for (const f of scan.candidates) add(f, false);
    for (const f of scan.all) everyFile.push(f);
    refused.push(...scan.refused);
  }
  workspace.setSitePaths(everyFile.map(relativeOf));
  loadReferenced(everyFile, relativeOf, (file, format) => add(file, false, format), workspace);
  return { workspace, root, topologyFile, topologyProblems, unreadable, refused };
}
