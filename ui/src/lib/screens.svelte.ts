// The screens after the first one load on demand: the first screen (the
// profile picker) ships alone, so the app starts on as little JavaScript as
// it shows (issue 17: start time). `app.go` waits for a screen's code before
// it shows the screen, so focus still lands on the new screen's heading.
import type { Screen } from './app.svelte';

const loaders = {
  home: () => import('./course/CourseHome.svelte'),
  lesson: () => import('./lesson/LessonReader.svelte'),
  quiz: () => import('./quiz/QuizPlayer.svelte'),
  scenario: () => import('./scenario/ScenarioPlayer.svelte'),
  result: () => import('./result/ModuleResult.svelte'),
  results: () => import('./history/ResultsOverview.svelte'),
  attempt: () => import('./history/AttemptReview.svelte'),
  run: () => import('./history/RunReplay.svelte'),
  practice: () => import('./practice/Practice.svelte'),
  class: () => import('./class/ClassScreen.svelte'),
  instructor: () => import('./instructor/Instructor.svelte'),
  classes: () => import('./classview/Classes.svelte'),
  classView: () => import('./classview/ClassView.svelte'),
  classLearner: () => import('./classview/LearnerPage.svelte'),
  editor: () => import('./editor/Editor.svelte'),
  about: () => import('./about/About.svelte'),
};

export type ScreenModule = keyof typeof loaders;
type Loaded = { [K in ScreenModule]?: Awaited<ReturnType<(typeof loaders)[K]>>['default'] };

/** The screen components loaded so far, by module; the page renders from here. */
export const screens: Loaded = $state({});

/** Why a screen's code could not be loaded (a broken install), shown instead of it. */
export const screenLoad = $state({ error: null as string | null });

/** The modules a screen may show: the instructor's screens show the unlock screen while locked. */
function modulesOf(screen: Screen): ScreenModule[] {
  switch (screen.name) {
    case 'profiles':
      return [];
    case 'final':
      return ['quiz'];
    case 'classes':
    case 'classView':
    case 'classLearner':
    case 'editor':
      return ['instructor', screen.name];
    default:
      return [screen.name];
  }
}

async function loadModule<K extends ScreenModule>(name: K): Promise<void> {
  if (screens[name]) return;
  const module = await loaders[name]();
  screens[name] = module.default as Loaded[K];
}

/** Whether everything `screen` shows is loaded already. */
export function isLoaded(screen: Screen): boolean {
  return modulesOf(screen).every((name) => screens[name]);
}

/** Loads the code of what `screen` shows; a failure is kept in `screenLoad`, never thrown. */
export async function loadScreen(screen: Screen): Promise<void> {
  try {
    await Promise.all(modulesOf(screen).map((name) => loadModule(name)));
    screenLoad.error = null;
  } catch (err) {
    screenLoad.error = String(err);
  }
}
