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

/**
 * Choice ids from the start to a good ending with no critical choice, on the
 * path with the most points (summed over competencies; fewer steps on a tie).
 * A good ending needs at least half of the best path's points to pass, so the
 * first good path found is not enough. Walks simple paths: role-plays are small.
 */
export function goodPath(sc) {
  const nodes = new Map(sc.node.map((n) => [n.id, n]));
  const worth = (choice) => Object.values(choice.points ?? {}).reduce((a, b) => a + b, 0);
  let best = null;
  const walk = (id, path, points, onPath) => {
    const node = nodes.get(id);
    if (node.ending === 'good') {
      if (!best || points > best.points || (points === best.points && path.length < best.path.length)) {
        best = { path, points };
      }
      return;
    }
    for (const choice of node.choice ?? []) {
      if (choice.critical || onPath.has(choice.next)) continue;
      walk(choice.next, [...path, choice.id], points + worth(choice), new Set([...onPath, choice.next]));
    }
  };
  walk(sc.start, [], 0, new Set([sc.start]));
  if (!best) throw new Error(`scenario ${sc.title.en} has no good path`);
  return best.path;
}
