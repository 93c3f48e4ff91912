// A real xAPI LRS for the class spec: Ralph (installed by scripts/setup-lrs.sh
// in target/ralph-venv) started through scripts/lrs.py on a loopback port, in
// a private folder; stopped with SIGKILL (safe: one process, and lrs.py cuts
// a torn last line at the next start) and started again on the same port and
// data, as a school's server that goes down and comes back.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './app.mjs';

const VENV = process.env.VARDSKAP_RALPH_VENV ?? path.join(ROOT, 'target/ralph-venv');
// bcrypt("secret"), cost 4: the user the invitation names.
const HASH = '$2b$04$si1In0LikAc3LVIjRcHL3u3b/.KlccmjMjksp7a9XSTUYX5wlSqDy';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class Lrs {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vardskap-e2e-lrs-'));
    fs.mkdirSync(path.join(this.dir, 'app'));
    fs.writeFileSync(
      path.join(this.dir, 'app/auth.json'),
      JSON.stringify([
        {
          agent: { mbox: 'mailto:class@example.org', objectType: 'Agent' },
          scopes: ['all'],
          hash: HASH,
          username: 'class',
        },
      ]),
    );
    this.port = 0;
    this.child = null;
  }

  get endpoint() {
    return `http://127.0.0.1:${this.port}/xAPI/`;
  }

  async start() {
    const python = path.join(VENV, 'bin/python');
    if (!fs.existsSync(python)) throw new Error(`Ralph is not installed in ${VENV}: run scripts/setup-lrs.sh (make setup-test does)`);
    if (this.port === 0) this.port = await freePort();
    const log = fs.openSync(path.join(this.dir, 'server.log'), 'a');
    this.child = spawn(python, [path.join(ROOT, 'scripts/lrs.py'), String(this.port), '--exit-with-parent'], {
      cwd: this.dir,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        RALPH_APP_DIR: path.join(this.dir, 'app'),
        RALPH_AUTH_FILE: path.join(this.dir, 'app/auth.json'),
        RALPH_HISTORY_FILE: path.join(this.dir, 'app/history.json'),
        RALPH_RUNSERVER_BACKEND: 'fs',
        RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: path.join(this.dir, 'data'),
      },
    });
    process.on('exit', () => this.child?.kill('SIGKILL'));
    for (let i = 0; i < 300; i++) {
      if (this.child.exitCode !== null) throw new Error(`Ralph stopped: ${fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8')}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/__heartbeat__`);
        if (res.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('Ralph did not answer within 30 s');
  }

  async stop() {
    if (!this.child) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  /** The ids of every statement stored. */
  async statementIds() {
    const res = await fetch(`http://127.0.0.1:${this.port}/xAPI/statements?limit=0`, {
      headers: {
        Authorization: `Basic ${Buffer.from('class:secret').toString('base64')}`,
        'X-Experience-API-Version': '1.0.3',
      },
    });
    if (!res.ok) throw new Error(`GET statements: ${res.status}`);
    return (await res.json()).statements.map((s) => s.id);
  }

  /** An invitation file for this LRS, for the built-in course. */
  invitation() {
    return writeInvitation(path.join(this.dir, 'klass.vdsk-class'), { id: 'ht26-a', name: 'Värdskap HT26, grupp A' }, this.endpoint);
  }
}

/** Writes a class invitation to `file` for the built-in course, class `cls` ({ id, name }) sending to `endpoint`. */
export function writeInvitation(file, cls, endpoint) {
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'vardskap-class',
      version: 1,
      class: cls,
      course: { id: 'gott-vardskap-boras', version: '1.0.0' },
      lrs: { endpoint, username: 'class', password: 'secret' },
    }),
  );
  return file;
}
