// Reads a course's own files (the built-in one unless a folder is given), so
// a test can answer as a learner who knows the answers would, and find a path
// through a scenario.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from './app.mjs';

const BUILTIN = path.join(ROOT, 'content');

function moduleDir(id, courseDir = BUILTIN) {
  const modules = path.join(courseDir, 'modules');
  for (const dir of fs.readdirSync(modules)) {
    const toml = parse(fs.readFileSync(path.join(modules, dir, 'module.toml'), 'utf8'));
    if (toml.id === id) return path.join(modules, dir);
  }
  throw new Error(`no module ${id} in ${courseDir}`);
}

/** The questions of a module of the built-in course, or of the course folder `courseDir`. */
export function questions(moduleId, courseDir = BUILTIN) {
  return parse(fs.readFileSync(path.join(moduleDir(moduleId, courseDir), 'quiz.toml'), 'utf8')).question;
}

export function scenario(moduleId, scenarioId, courseDir = BUILTIN) {
  return parse(fs.readFileSync(path.join(moduleDir(moduleId, courseDir), 'scenarios', `${scenarioId}.toml`), 'utf8'));
}

/** course.toml of the built-in course, or of the course folder `courseDir`. */
export function courseToml(courseDir = BUILTIN) {
  return parse(fs.readFileSync(path.join(courseDir, 'course.toml'), 'utf8'));
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
