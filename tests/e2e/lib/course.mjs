// Reads the built-in course's own files, so a test can answer as a learner
// who knows the answers would, and find a path through a scenario.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from './app.mjs';

const modules = path.join(ROOT, 'content/modules');

function moduleDir(id) {
  for (const dir of fs.readdirSync(modules)) {
    const toml = parse(fs.readFileSync(path.join(modules, dir, 'module.toml'), 'utf8'));
    if (toml.id === id) return path.join(modules, dir);
  }
  throw new Error(`no module ${id} in content/`);
}

export function questions(moduleId) {
  return parse(fs.readFileSync(path.join(moduleDir(moduleId), 'quiz.toml'), 'utf8')).question;
}

export function scenario(moduleId, scenarioId) {
  return parse(fs.readFileSync(path.join(moduleDir(moduleId), 'scenarios', `${scenarioId}.toml`), 'utf8'));
}

/** Choice ids from the start to a good ending with no critical choice (breadth first). */
export function goodPath(sc) {
  const nodes = new Map(sc.node.map((n) => [n.id, n]));
  const queue = [[sc.start, []]];
  const seen = new Set([sc.start]);
  while (queue.length) {
    const [id, path] = queue.shift();
    const node = nodes.get(id);
    if (node.ending === 'good') return path;
    for (const choice of node.choice ?? []) {
      if (choice.critical || seen.has(choice.next)) continue;
      seen.add(choice.next);
      queue.push([choice.next, [...path, choice.id]]);
    }
  }
  throw new Error(`scenario ${sc.title.en} has no good path`);
}
