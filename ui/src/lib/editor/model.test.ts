import { describe, expect, it } from 'vitest';
import type { Course } from '$lib/bindings/Course';
import type { QuestionBody } from '$lib/bindings/QuestionBody';
import {
  changeKind,
  diagnosticsAt,
  diagnosticsWithin,
  fieldFallbacks,
  formatDecimal,
  IdRenamer,
  lessonTitle,
  moduleDir,
  moveInPlace,
  emptyText,
  newLesson,
  newModule,
  newNode,
  newQuestion,
  newScenario,
  nextLetter,
  parentField,
  parseDecimal,
  parseLanguages,
  problemCounts,
  renameCompetency,
  renameNode,
  selectionFor,
  shiftIndex,
  slugify,
  uniqueId,
} from './model';
import type { EditorDiagnostic } from './types';

const diag = (field: string | null, message = 'problem'): EditorDiagnostic => ({
  path: 'x.toml',
  line: 1,
  column: 1,
  message,
  id: 'test-problem',
  params: {},
  severity: 'error',
  field,
});

function course(): Course {
  return {
    id: 'c',
    version: '1.0.0',
    languages: ['sv', 'en'],
    title: { sv: 'K', en: 'C' },
    description: null,
    passMark: 0.8,
    competencies: [{ id: 'welcome', title: { sv: 'V', en: 'W' }, description: null }],
    finalTest: null,
    modules: [
      {
        id: 'intro',
        dir: '01-intro',
        outcomes: [],
        title: { sv: 'I', en: 'I' },
        summary: null,
        feedback: 'immediate',
        passMark: null,
        lessons: [],
        questions: [
          {
            id: 'q',
            competency: 'welcome',
            points: 1,
            prompt: {},
            explanation: {},
            shuffle: true,
            body: { kind: 'true_false', answer: true, feedbackTrue: null, feedbackFalse: null },
          },
        ],
        scenarios: [],
      },
    ],
  };
}

describe('field addresses', () => {
  it('drops the last segment, a name or an index', () => {
    expect(parentField('module[1].question[2].option[0].text'), 'a .name segment goes first').toBe('module[1].question[2].option[0]');
    expect(parentField('module[1].question[2].option[0]'), 'then an [i] segment').toBe('module[1].question[2].option');
    expect(parentField('course.title'), 'a course field falls back to the course').toBe('course');
    expect(parentField('module[0]'), 'a top-level module falls back to its list name').toBe('module');
    expect(parentField('course'), 'nothing is above the course').toBeNull();
  });

  it('lists the field and its ancestors, most specific first', () => {
    expect(fieldFallbacks('module[0].lesson[1].markdown.en'), 'a lesson language falls back to the lesson, then the module').toEqual([
      'module[0].lesson[1].markdown.en',
      'module[0].lesson[1].markdown',
      'module[0].lesson[1]',
      'module[0].lesson',
      'module[0]',
      'module',
    ]);
  });
});

describe('the item a diagnostic is about', () => {
  it('maps each field to its navigation item', () => {
    expect(selectionFor('course.competency[0].id'), 'course fields belong to the course').toEqual({ kind: 'course' });
    expect(selectionFor(null), 'a problem without a field shows on the course').toEqual({ kind: 'course' });
    expect(selectionFor('module[2].pass_mark'), 'module fields belong to the module').toEqual({ kind: 'module', m: 2 });
    expect(selectionFor('module[2]'), 'a whole module is the module').toEqual({ kind: 'module', m: 2 });
    expect(selectionFor('module[0].lesson[3].markdown.sv')).toEqual({ kind: 'lesson', m: 0, l: 3 });
    expect(selectionFor('module[1].question[4].option[0].feedback')).toEqual({ kind: 'question', m: 1, q: 4 });
    expect(selectionFor('module[1].scenario[0].node[5].choice[1].next'), 'a choice belongs to its scenario').toEqual({
      kind: 'scenario',
      m: 1,
      s: 0,
    });
  });

  it('counts problems per item', () => {
    const counts = problemCounts([
      diag('module[0].question[1].prompt'),
      diag('module[0].question[1].option[0].text'),
      diag('module[0].id'),
      diag(null),
    ]);
    expect(counts.get('module[0].question[1]'), 'both problems inside the question count for it').toBe(2);
    expect(counts.get('module[0]'), 'the module counts only its own fields').toBe(1);
    expect(counts.get('course'), 'a problem without a field counts for the course').toBe(1);
  });

  it('finds the problems of a field, with its languages when asked', () => {
    const all = [
      diag('module[0].question[0].prompt'),
      diag('module[0].question[0].prompt.en'),
      diag('module[0].question[0].prompts'),
      diag('module[0].question[0].prompt.text.sv'),
    ];
    expect(diagnosticsAt(all, 'module[0].question[0].prompt'), 'exactly the field').toHaveLength(1);
    expect(diagnosticsAt(all, 'module[0].question[0].prompt', true), 'with the language suffix, not a longer name').toHaveLength(2);
    expect(diagnosticsWithin(all, 'module[0].question[0]'), 'everything inside the question').toHaveLength(4);
    expect(diagnosticsWithin(all, 'module[0].question[0].prompt'), 'not a sibling whose name starts the same').toHaveLength(3);
  });
});

describe('new ids', () => {
  it('slugs titles to ASCII ids', () => {
    expect(slugify('Välkommen, gäst! Åre 2026'), 'diacritics go, punctuation becomes hyphens').toBe('valkommen-gast-are-2026');
    expect(slugify('  --  '), 'nothing usable gives an empty slug').toBe('');
  });

  it('suffixes a taken id until it is free', () => {
    expect(uniqueId('question', []), 'a free id is kept').toBe('question');
    expect(uniqueId('question', ['question', 'question-2']), 'the first free suffix is used').toBe('question-3');
    expect(uniqueId('!!', ['id']), 'an empty slug still gives a usable id').toBe('id-2');
  });

  it('gives options the next free letter', () => {
    expect(nextLetter(['a', 'b', 'd']), 'gaps are filled first').toBe('c');
    expect(nextLetter('abcdefghijklmnopqrstuvwxyz'.split('')), 'after z comes a suffixed id').toBe('a-2');
  });
});

describe('module folders', () => {
  it('proposes a new module’s folder by its two-digit position and id', () => {
    expect(moduleDir(2, 'bemotande'), 'position and id').toBe('02-bemotande');
    expect(moduleDir(12, 'x'), 'two digits and more').toBe('12-x');
    expect(moduleDir(2, 'x', ['02-x']), 'a taken folder moves to the next number').toBe('03-x');
  });

  it('gives a new module a free id and a folder after the others', () => {
    const c = course();
    c.modules.push({ ...c.modules[0], id: 'module', dir: '02-module' });
    const module = newModule(c);
    expect(module.id, 'the id is free').toBe('module-2');
    expect(module.dir, 'the folder follows its position').toBe('03-module-2');
  });

  it('starts a module without outcomes and a lesson without minutes, so its time is estimated', () => {
    const c = course();
    const module = newModule(c);
    expect(module.outcomes, 'the author adds outcomes; none are invented').toEqual([]);
    expect(newLesson(module, c.languages).minutes, 'no override: the core estimates from the words').toBeNull();
    module.outcomes.push(emptyText(c.languages));
    expect(module.outcomes[0], 'a new outcome has an empty text in every course language, for the form to fill').toEqual({
      sv: '',
      en: '',
    });
  });
});

describe('changing the kind of a question', () => {
  const langs = ['sv', 'en'];
  const single: QuestionBody = {
    kind: 'single',
    options: [
      { id: 'a', text: { sv: 'A', en: 'A' }, correct: false, feedback: null },
      { id: 'b', text: { sv: 'B', en: 'B' }, correct: true, feedback: { sv: 'f', en: 'f' } },
    ],
  };

  it('keeps option texts as items and pairs, and back', () => {
    const ordering = changeKind(single, 'ordering', langs);
    expect(ordering, 'options become items in their order').toEqual({
      kind: 'ordering',
      items: [
        { id: 'a', text: { sv: 'A', en: 'A' } },
        { id: 'b', text: { sv: 'B', en: 'B' } },
      ],
    });
    const back = changeKind(ordering, 'multiple', langs);
    expect(back.kind === 'multiple' && back.options.map((o) => o.correct), 'coming from items, the first is marked right').toEqual([
      true,
      false,
    ]);
    const multiple = changeKind(single, 'multiple', langs);
    expect(multiple.kind === 'multiple' && multiple.options[1], 'single to multiple keeps which is right and the feedback').toEqual(
      single.options[1],
    );
  });

  it('gives kinds without options empty parts', () => {
    expect(changeKind(single, 'numeric', langs), 'a number starts at 0 with no tolerance').toEqual({
      kind: 'numeric',
      answer: 0,
      tolerance: 0,
      unit: null,
    });
    expect(changeKind(single, 'short_text', langs), 'accepted answers per language').toEqual({
      kind: 'short_text',
      accept: { sv: [], en: [] },
      caseSensitive: false,
      ignoreDiacritics: false,
    });
    const matching = changeKind({ kind: 'true_false', answer: true, feedbackTrue: null, feedbackFalse: null }, 'matching', langs);
    expect(matching.kind === 'matching' && matching.pairs.length, 'a new matching has two pairs to fill in').toBe(2);
  });
});

describe('shuffling of new questions and nodes', () => {
  it('shuffles by default: the author turns it off for a scale', () => {
    const c = course();
    const single = newQuestion(c.modules[0], c, 'single');
    expect(single.shuffle, 'a new question shows its options in a new order per attempt').toBe(true);
    const scenario = newScenario(c.modules[0], c.languages);
    expect(
      scenario.nodes.map((n) => n.shuffle),
      'the nodes of a new role-play shuffle their choices',
    ).toEqual([true, true]);
    expect(newNode(scenario, c.languages).shuffle, 'a new node shuffles its choices').toBe(true);
  });
});

describe('renaming', () => {
  it('follows a node rename in the start and in choices', () => {
    const s = newScenario(course().modules[0], ['sv']);
    renameNode(s, 'end', 'farewell');
    expect(s.nodes[0].choices[0].next, 'the choice follows the renamed node').toBe('farewell');
    renameNode(s, 'start', 'door');
    expect(s.start, 'the start follows too').toBe('door');
  });

  it('follows a competency rename in questions and choice points', () => {
    const c = course();
    const s = newScenario(c.modules[0], ['sv']);
    s.nodes[0].choices[0].points = { welcome: 2, other: 1 };
    c.modules[0].scenarios.push(s);
    renameCompetency(c, 'welcome', 'greeting');
    expect(c.modules[0].questions[0].competency, 'the question follows').toBe('greeting');
    expect(c.modules[0].scenarios[0].nodes[0].choices[0].points, 'points move to the new id, others stay').toEqual({
      greeting: 2,
      other: 1,
    });
  });
});

describe('renaming while typing', () => {
  const renamer = () => {
    const moves: [string, string][] = [];
    return { moves, r: new IdRenamer<{ id: string }>((from, to) => moves.push([from, to])) };
  };

  it('moves the references with a unique id, keystroke by keystroke', () => {
    const { moves, r } = renamer();
    const items = [{ id: 'a' }, { id: 'b' }];
    r.set(items[1], items, 'bc');
    r.set(items[1], items, 'bcd');
    expect(moves, 'each step moves the references on').toEqual([
      ['b', 'bc'],
      ['bc', 'bcd'],
    ]);
  });

  it('does not move references while the id is another item’s, and moves them from the last unique id after', () => {
    const { moves, r } = renamer();
    const items = [{ id: 'a' }, { id: 'b' }];
    r.set(items[1], items, 'a');
    expect(moves, 'references are not moved onto an id another item has').toEqual([]);
    r.set(items[1], items, 'ax');
    expect(moves, 'once unique again, references move from the last unique id').toEqual([['b', 'ax']]);
  });

  it('does not move the other item’s references when renaming a duplicate', () => {
    const { moves, r } = renamer();
    const items = [{ id: 'x' }, { id: 'x' }];
    r.set(items[1], items, 'y');
    expect(moves, 'references to x belong to the other x too, so they stay').toEqual([]);
    expect(
      items.map((i) => i.id),
      'the id itself changes',
    ).toEqual(['x', 'y']);
    r.set(items[1], items, 'yz');
    expect(moves, 'y was unique, so references follow from there').toEqual([['y', 'yz']]);
  });
});

describe('course languages', () => {
  it('reads codes separated by commas or spaces, each once', () => {
    expect(parseLanguages(' sv, en  sv,'), 'duplicates and empty parts go').toEqual(['sv', 'en']);
    expect(parseLanguages(' , '), 'nothing usable').toEqual([]);
  });
});

describe('lists', () => {
  it('moves in place and says when it cannot', () => {
    const list = ['a', 'b', 'c'];
    expect(moveInPlace(list, 0, 1), 'a move inside the list happens').toBe(true);
    expect(list, 'the first went one down').toEqual(['b', 'a', 'c']);
    expect(moveInPlace(list, 2, 1), 'the last cannot go further down').toBe(false);
    expect(list, 'a refused move changes nothing').toEqual(['b', 'a', 'c']);
  });

  it('keeps a selected index on the same element', () => {
    expect(shiftIndex(2, 2, 1), 'the moved element itself').toBe(1);
    expect(shiftIndex(1, 2, 1), 'the one it swapped with').toBe(2);
    expect(shiftIndex(0, 2, 1), 'others stay').toBe(0);
    expect(shiftIndex(3, 1, null), 'after a removal above, one up').toBe(2);
    expect(shiftIndex(1, 1, null), 'the removed element is gone').toBeNull();
  });
});

describe('numbers and titles', () => {
  it('reads numbers with a decimal comma or point', () => {
    expect(parseDecimal('2,5'), 'Swedish decimal comma').toBe(2.5);
    expect(parseDecimal(' -0.25 '), 'a point and a sign').toBe(-0.25);
    expect(parseDecimal('1 000'), 'thousands with a space').toBe(1000);
    expect(parseDecimal('2,5,1'), 'not a number').toBeNull();
    expect(parseDecimal(''), 'nothing is not zero').toBeNull();
  });

  it('writes numbers as the UI language does', () => {
    expect(formatDecimal(0.8, 'sv'), 'a comma in Swedish').toBe('0,8');
    expect(formatDecimal(0.8, 'en'), 'a point in English').toBe('0.8');
  });

  it('takes a lesson title from its first heading', () => {
    expect(lessonTitle({ sv: '# Välkommen\n\nText', en: '# Welcome' }, ['sv', 'en']), 'the first language with a heading').toBe(
      'Välkommen',
    );
    expect(
      lessonTitle({ sv: 'no heading', en: '# Welcome #' }, ['sv', 'en']),
      'falls back to the next language, closing hashes dropped',
    ).toBe('Welcome');
  });
});
