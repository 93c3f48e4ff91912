### Värdskap's words in English. There is one file per language, locales/<lang>.ftl,
### with the same messages in each; the core (errors, certificate, new courses) and
### the UI both read them. A message id is the UI key with "-" for ".": the UI
### calls t('recovery.title') for recovery-title. Run `npm run i18n-keys` in ui/
### after adding or removing a message.

## app

app-name = Värdskap
app-home = Värdskap, back to the course
app-skip = Skip to content
app-menu = Menu
app-signedInAs = Signed in as { $name }
app-signOut = Switch profile

## lang

lang-label = Language
lang-sv = Svenska
lang-en = English

## theme

theme-label = Theme
theme-system = As the system
theme-light = Light
theme-dark = Dark

## common

common-cancel = Cancel
common-backToCourse = Back to the course

## course

course-loading = Loading…
course-version = Version { $version }

## error

error-title = Something went wrong.
error-retry = Try again

## recovery

recovery-title = Your progress could not be opened
recovery-damaged = The file with your progress is damaged.
recovery-details = Technical details (for support)
recovery-lead = The app keeps backups of your progress. You can put the latest backup back in place; the damaged file is kept aside.
recovery-restore = Restore the latest backup
recovery-notDamaged = Your progress is not damaged, so nothing needs restoring. Close any other window of the app, make sure the disk has free space, and start the app again.

## progress

progress-importing = Installing the course package …
progress-exporting = Saving the course package …
progress-opening = Opening the course …
progress-creating = Creating the course …
progress-packing = Packing the course …
progress-gift = Reading the GIFT file …
progress-saving = Saving the file …

## backup

backup-warning = Today’s backup of your progress could not be made (the disk may be full). Your answers are still saved as usual.
backup-dismiss = OK

## profiles

profiles-title = Who is learning today?
profiles-lead = Each learner has a profile of their own, so their answers and results stay theirs.
profiles-existing = Profiles on this computer
profiles-hasPin = PIN
profiles-pinFor = PIN for { $name }
profiles-pin = PIN
profiles-signIn = Sign in
profiles-new = New profile
profiles-name = Your name
profiles-nameMissing = Write a name for the profile first.
profiles-newPin = PIN (optional)
profiles-pinHint = With a PIN, nobody else on this computer can open your profile.
profiles-create = Create profile and start

## home

home-continue = Continue where you left off
home-coursePassed = You have passed the whole course. Well done!
home-reviewsDue = { $count } questions to practise again
home-moduleNumber = Module { $n }
home-passed = Passed
home-inProgress = Quiz in progress
home-notPassedYet = Not passed yet
home-notStarted = Not started
home-best = Best result: { $score }
home-lessons = Lessons
home-lessonsOf = Lessons of { $module }
home-startQuiz = Start the quiz ({ $count } questions)
home-continueQuiz = Continue the quiz
home-retakeQuiz = Take the quiz again
home-playScenario = Role-play: { $title }
home-minutes = about { $n } min
home-outcomes = Learning outcomes

## lesson

lesson-position = lesson { $n } of { $count }
lesson-nav = Lessons of this module
lesson-toQuiz = To the quiz
lesson-outcomesIntro = What you can do after this module

## quiz

quiz-title = Quiz
quiz-resumed = Welcome back. Your { $count } saved answers are still here.
quiz-modeImmediate = You see right away whether each answer is right.
quiz-modeDeferred = You see your results when you submit the whole quiz. Until then you can change your answers.
quiz-questions = Questions
quiz-navAnswered = Question { $n }, answered
quiz-navOpen = Question { $n }, not answered
quiz-counter = Question { $n } of { $count }
quiz-pickAll = Choose every answer that is right.
quiz-true = True
quiz-false = False
quiz-yourAnswer = Your answer
quiz-yourNumber = Your answer (a number)
quiz-orderHint = Put the items in the right order with the arrow buttons.
quiz-moveUp = Move up: { $item }, now number { $position } of { $count }
quiz-moveDown = Move down: { $item }, now number { $position } of { $count }
quiz-moved = { $item } is now number { $position } of { $count }.
quiz-matchHint = Choose the matching answer for each item. Use each answer once.
quiz-choose = Choose…
quiz-problem-empty = Answer the question first.
quiz-problem-number = Write a number, for example 12 or 2,5.
quiz-problem-incomplete = Choose an answer for every item.
quiz-problem-duplicate = You have used the same answer twice. Use each answer once.
quiz-saved = Your answer is saved.
quiz-check = Check my answer
quiz-save = Save my answer
quiz-saveNext = Save and go on
quiz-previous = Previous
quiz-next = Next question
quiz-progress = You have answered { $answered } of { $count } questions.
quiz-confirmUnanswered = { $count } questions have no answer and will count as wrong. Submit anyway?
quiz-submit = Submit the quiz
quiz-submitAnyway = Yes, submit

## feedback

feedback-correct = Right
feedback-partly = Partly right
feedback-wrong = Not right
feedback-points = { $score } of { $max } points
feedback-rightAnswer = The right answer:
feedback-why = Why:

## scenario

scenario-resumed = You are back where you stopped.
scenario-soFar = What has happened so far
scenario-you = You:
scenario-whatDoYouDo = What do you do?
scenario-ending-good = A good ending
scenario-ending-mixed = A mixed ending
scenario-ending-poor = A poor ending
scenario-criticalMade = One of your choices was a serious mistake, so the role-play is not passed this time.
scenario-passed = Role-play passed.
scenario-notPassed = Role-play not passed yet. Try again!
scenario-pointsCaption = Your points per competency
scenario-points = Points
scenario-again = Play again
scenario-recap = Your choices and what they led to
scenario-total = You earned { $earned } of the { $best } points the best path gives. Passing needs { $needed }.
scenario-tooFewPoints = The ending itself would do, but your choices earned too few points to pass.

## result

result-title = Your result
result-points = { $score } of { $max } points
result-passed = Passed. Well done!
result-notPassed = Not passed yet. You need { $mark } to pass.
result-criticalChoice = A role-play in this module ended with a serious mistake. Play it again to pass the module.
result-moduleStillPassed = Your best earlier result still counts, so the module stays passed.
result-byCompetency = Result per competency
result-competency = Competency
result-score = Points
result-share = Share
result-toReview = Questions to look at again ({ $count })
result-toReviewLead = These questions go into your practice queue, so you meet them again later.
result-retake = Take the quiz again

## results

results-title = My results
results-back = Back to my results
results-modules = Modules
results-modulesCaption = Best and latest quiz result per module
results-module = Module
results-best = Best
results-last = Latest
results-attempts = Attempts
results-status = Status
results-overTime = Your scores over time
results-chartName = Quiz scores over time
results-chartDescription = { $modules }. The same figures follow as a table.
results-chartSeries = { $module }: { $count } attempts, first { $first }, latest { $last }
results-axisTime = Date
results-axisScore = Score
results-chartAsTable = Show the scores as a table
results-chartTableCaption = Every quiz attempt with its score
results-chartEmpty = The chart appears once you have handed in a quiz.
results-date = Date
results-score = Score
results-mastery = What you master
results-masteryLead = Per competency, from your quiz answers and role-plays.
results-notYet = Not practised yet
results-attemptsTitle = Quiz attempts
results-attemptsCaption = Your quiz attempts, newest first
results-open = Open
results-showAnswers = Show answers
results-noAttempts = You have not handed in a quiz yet.
results-runsTitle = Role-plays
results-runsCaption = Your finished role-plays, newest first
results-roleplay = Role-play
results-ending = Ending
results-replay = Replay
results-noRuns = You have not finished a role-play yet.
results-saveTitle = Save your results
results-saveLead = Save a file to keep, or to show your instructor. You choose where it goes.
results-exportCsv = Export my results (CSV)
results-exportJson = Export my results (JSON)
results-certificate = Certificate (PDF)
results-savedTo = Saved to { $path }.
results-notSaved = Nothing was saved.
results-fileName = results
results-certificateName = certificate

## attempt

attempt-title = Your answers: { $module }
attempt-submitted = Handed in { $date }
attempt-notSubmitted = Not handed in
attempt-yourAnswer = Your answer:
attempt-unanswered = Not answered

## run

run-title = Role-play replay: { $title }
run-played = Played { $date }
run-path = The way you took
run-critical = Serious mistake:

## practice

practice-title = Practice
practice-lead = Questions you found hard come back here after a while, so that they stick.
practice-counter = Question { $n } of { $count }
practice-comesBack = This question comes back { $date }.
practice-finish = Finish practising
practice-done = Done! You got { $right } of { $count } right.
practice-nothingDue = Nothing to practise right now.
practice-nothingDueLead = Questions you get wrong in a quiz come back here later.

## errors: one message per kind of error (ErrorKind). Its value is what the
## app shows; .detail is the core's full sentence, with the error's parameters
## (the command-line tool, logs, technical details).

errors-NotFound = What you asked for could not be found. It may have been removed from the course.
    .detail = { $what } "{ $id }" was not found
errors-InvalidContent =
    .detail =
        the course has { $count } problem(s):
        { $problems }
errors-Invalid = That could not be done.
    .detail = { $reason }
errors-WrongAnswerShape = That answer could not be read. Check it and try again.
    .detail = the answer to question "{ $question }" has the wrong shape: { $reason }
errors-Io = A file could not be read or written.
    .detail = file error at { $path }: { $source }
errors-Db = Your progress could not be read or saved. Try again; if it keeps happening, restart the app.
    .detail = database error: { $detail }
errors-CorruptDatabase = The file with your progress is damaged. Restart the app: it will offer to put back the latest backup.
    .detail = The progress database is damaged and cannot be used ({ $detail }). Your earlier progress can be brought back by restoring the latest backup. File: { $path }
errors-DatabaseTooNew = Your progress was saved by a newer version of Värdskap. Update the app to open it.
    .detail = The progress database was made by a newer version of Värdskap. Update the app to open it. File: { $path }
errors-DataFolderInUse = Värdskap is already open with this data folder. Use the window that is open, or close it and start the app again.
    .detail = Värdskap is already open with this data folder. Use the window that is open, or close it first. Folder: { $dir }
errors-NoBackup = There is no backup to restore.
    .detail = There is no usable backup of the progress database in { $dir }.
errors-NotSignedIn = Choose a profile first.
    .detail = { errors-NotSignedIn }
errors-WrongPin = That PIN is not right. Try again.
    .detail = { errors-WrongPin }
errors-PinOnHold = Too many wrong PINs in a row. Wait a moment and try again.
    .detail = Too many wrong PINs in a row. Wait { $retryAfterSecs } seconds and try again.
errors-ProfileExists = There is already a profile with that name. Choose another name.
    .detail = There is already a profile called "{ $name }". Choose another name.
errors-AttemptClosed = This quiz has already been submitted, so its answers cannot be changed.
    .detail = This attempt has already been submitted, so its answers cannot be changed.
errors-QuestionNotInModule = That question is not part of this module.
    .detail = The question "{ $question }" is not part of the module "{ $module }".
errors-AlreadyAnswered = You have already answered this question.
    .detail = The question "{ $question }" has already been answered in this attempt.
errors-AttemptNotSubmitted = Submit the quiz first to see its answers.
    .detail = This attempt has not been submitted yet, so its answers and the right answers cannot be shown.
errors-RunNotFinished = This role-play has not reached an ending yet.
    .detail = This scenario run has not reached an ending yet, so there is nothing to look back on.
errors-CourseNotPassed = The certificate is ready when you have passed every module.
    .detail = There is no certificate yet: "{ $course }" is not passed. Pass every module first (still to pass: { $missing }).
errors-WrongPassphrase = That passphrase is not right. Try again.
    .detail =
        { $retryAfterSecs ->
            [0] { errors-WrongPassphrase }
           *[other] That passphrase is not right. Try again in { $retryAfterSecs } seconds.
        }
errors-TooManyTries = Too many wrong passphrases in a row. Wait a moment and try again.
    .detail = Too many wrong passphrases in a row. Wait { $retryAfterSecs } seconds and try again.
errors-InstructorLocked = Only an instructor can do this. Unlock instructor mode first.
    .detail = Only an instructor can do this. Unlock instructor mode with the passphrase first.
errors-ReservedCourseId = This package’s course has the same id as the built-in course, and that id is reserved, so it was not imported. Give the course another id in course.toml and pack it again.
    .detail = This package's course has the id "{ $id }", which is reserved for the built-in course, so it was not imported. Give the course another id in course.toml and pack it again.
errors-PackageRefused = This file cannot be opened safely as a course package (for example, a file in it points outside the course), so nothing was installed.
    .detail = { $file } was not opened: { $reason }
errors-CourseIdInvalid = That course id cannot be used: use lower-case letters a-z, digits and -.
    .detail = the course id `{ $id }` cannot be used: use lower-case letters a-z, digits and `-`
errors-NoCourseLanguage = Choose at least one language for the course.
    .detail = { errors-NoCourseLanguage }
errors-LanguageCodeInvalid = That is not a language code like sv or en.
    .detail = `{ $lang }` is not a language code like sv or en
errors-TitleMissing = The course needs a title in each of its languages.
    .detail = the course needs a title in `{ $lang }`
errors-FolderTaken = That folder is already taken, so nothing was changed.
    .detail =
        { $purpose ->
            [rename] the folder { $path } already exists: rename or remove it first
            [newCourse] the folder { $path } already exists and is not empty: choose another id or folder
           *[unpack] { $path } already exists; choose a new folder to open the package into
        }
errors-NotSavedYet = The course cannot be saved yet: fix the problem first.
    .detail = the course cannot be saved yet: { $problem }
errors-FileTooLarge = A course file would be larger than the { $max } MiB a course file may be, so nothing was written.
    .detail =
        { $path } would be { $size } MiB, larger than the { $max } MiB a course file may be, so the course would no longer open; nothing was written. { $remedy ->
            [gift] Import the GIFT file in parts, into more than one module.
           *[split] Split it: fewer questions or shorter lessons per module.
        }
errors-NotAFileName = That name cannot be used as a file name.
    .detail =
        the { $what ->
            [moduleFolder] module folder
            [language] language
            [lessonId] lesson id
           *[scenarioId] scenario id
        } "{ $name }" cannot be used as a file name
errors-NotACourseFolder = That folder is not a course folder: it has no course.toml.
    .detail = { $path } is not a course folder: it has no course.toml
errors-NotAModuleFolder = That folder is not a module folder: it has no module.toml.
    .detail = { $path } is not a module folder: it has no module.toml
errors-NotUtf8 = The file is not UTF-8 text. Save it as UTF-8 and import it again.
    .detail = { $path } is not UTF-8 text; save it as UTF-8 and import again
errors-UnknownCompetency = The course has no such competency.
    .detail = the course has no competency "{ $competency }" (it has: { $known })
errors-NoImportLanguage = No languages were given, and there is no course.toml above the module to take them from.
    .detail = { errors-NoImportLanguage }
errors-QuizFileBroken = The module's quiz.toml cannot be read. Fix it before importing into it.
    .detail = { $path }: { $detail } (fix it before importing into it)
errors-PackageTooManyFiles = The course has more files than a package holds.
    .detail = the course has { $count } files; a package holds at most { $max }
errors-PackageFileTooLarge = A file of the course is too large for a package.
    .detail = { $name } is { $size }; a packaged file may be at most { $max }
errors-PackageTooLarge = The course is too large for a package.
    .detail = the course holds { $size }; a package may hold at most { $max }
errors-NameNotUnicode = A file name in the course is not valid Unicode.
    .detail = { $path } has a name that is not valid Unicode
errors-SymlinkInCourse = The course folder holds a symbolic link; a package holds only plain files and folders.
    .detail = { $name } is a symbolic link; a package holds only plain files and folders
errors-NotAResultsFile = This is not a Värdskap results file.
    .detail =
        This is not a Värdskap results file: { $detail ->
            [none] it has no "format" field.
           *[other] { $detail }
        }
errors-ResultsFormatUnknown = This results file was made by another version of Värdskap and cannot be read.
    .detail = This results file is in the format "{ $format }"; this version of Värdskap reads "{ $expected }".
errors-ResultsFileDamaged = The results file is damaged.
    .detail = The results file is damaged: { $detail }
errors-ResultsSpanTooLong = The results file spans more years than a course can, so it cannot be checked.
    .detail = The results file spans more than { $maxDays } days, more than a course can; it cannot be checked.
errors-ResultsNotWritten = Your results could not be written. Try again.
    .detail = The results could not be written: { $detail }
errors-CertificateNotMade = The certificate could not be made.
    .detail = The certificate PDF could not be made: { $detail }
errors-ClassReportNotMade = The class report could not be made.
    .detail = The class report PDF could not be made: { $detail }
errors-NotAVerificationCode = That is not a verification code: it has 16 letters and digits (0-9, A-F), like 1A2B-3C4D-5E6F-7081.
    .detail = "{ $code }" is not a verification code: it has 16 letters and digits (0-9, A-F), like 1A2B-3C4D-5E6F-7081.
errors-ProfileNameMissing = Write a name for the profile.
    .detail = A profile needs a name.
errors-ProfileNameTooLong = The name is too long: at most { $max } characters.
    .detail = A profile name can be at most { $max } characters long.
errors-PinInvalid = A PIN needs { $min } to { $max } characters, with no spaces at the start or end.
    .detail = A PIN needs { $min } to { $max } characters, with no spaces at the start or end.
errors-PassphraseTooShort = The passphrase needs at least { $min } characters.
    .detail = The instructor passphrase needs at least { $min } characters.
errors-PassphraseTooLong = The passphrase is too long: at most { $max } characters.
    .detail = The instructor passphrase can be at most { $max } characters long.
errors-RunEnded = This role-play has already ended.
    .detail = scenario "{ $scenario }" is over: node "{ $node }" is an ending
errors-NotAChoice = That choice is not offered here. Open the role-play again and choose once more.
    .detail = "{ $choice }" is not a choice at node "{ $node }" of scenario "{ $scenario }"
errors-InvitationInvalid = This file is not a class invitation that Värdskap can read. Ask your instructor for a new one.
    .detail = { $file } is not a class invitation: { $field ->
        [none] it is not invitation JSON, or it is too large.
       *[other] the field “{ $field }” is missing or wrong.
    }
errors-InvitationInsecure = This class invitation would send your results unencrypted over the network, so it was not accepted. Ask your instructor for an invitation with an https address.
    .detail = The invitation's address { $endpoint } is not https, and it is not on this computer.
errors-ClassCourseNotInstalled = This class uses a course that is not installed here. Ask your instructor for the course first.
    .detail = The class's course “{ $course }” is not installed.
errors-PseudonymInvalid = Write a name of at most { $max } characters.
    .detail = A pseudonym must not be empty or longer than { $max } characters.
errors-NotInClass = You are not in a class for this course.
    .detail = The learner is not in a class for this course.
errors-ClassNameInvalid = Give the class a name of at most { $max } characters.
    .detail = A class name must not be empty, longer than { $max } characters or hold a control character.
errors-ClassAddressInvalid = That address cannot be used: write an http or https address without a user name, password, “?” or “#”.
    .detail = The class's { $field ->
        [homePage] home page
       *[other] LRS address
    } “{ $address }” is not an http or https address without a user name, password, query or fragment.
errors-ClassEndpointInsecure = The LRS address must begin with https, or the learners' results and passwords would cross the network unencrypted. Plain http is only for an LRS on this computer.
    .detail = The class's LRS address { $endpoint } is not https, and it is not on this computer.
errors-ClassCredentialInvalid = Check the LRS user names and passwords: none may be empty, and a user name may not hold a colon.
    .detail = The { $field ->
        [username] user name
       *[other] password
    } of { $credential ->
        [read] the instructor's read credential
       *[other] the learners' write credential
    } is empty, longer than { $max } characters, holds a control character, or (a user name) a colon.
errors-ClassCourseUnknown = That course is not installed here. Install it before making a class for it.
    .detail = The course “{ $course }” is not installed, so no class can be made for it.
errors-ClassLearnerRemoved = This learner was removed from the class, so their results are not imported again.
    .detail = “{ $name }” was removed from this class; their results are not imported again.
errors-ResultsFileTooLarge = This file is too large to be a results file.
    .detail = { $file } is { $size } MiB, larger than the { $max } MiB a results file can be; it was not read.
errors-ResultsOtherCourse = This results file is from another course than the class's.
    .detail = { $file } holds results of the course “{ $course }”, not of the class's course “{ $expected }”.
errors-ResultsInconsistent = The figures in this results file do not agree with each other, so it may have been edited by hand. Ask the learner to export their results again.
    .detail = { $file } was not imported: { $problem ->
        [score] attempt { $item } of “{ $module }” has a score below 0 or above its maximum.
        [share] the share of attempt { $item } of “{ $module }” is not its score divided by its maximum.
        [passed] whether attempt { $item } of “{ $module }” passed does not follow from its share and the pass mark.
        [questions] the question scores of attempt { $item } of “{ $module }” do not add up to its score, or one is outside its maximum.
        [grade] the grade of attempt { $item } of “{ $module }” does not follow from its share and the marks.
        [best] the best result of “{ $module }” is not that of its best attempt.
        [time] attempt or run { $item } of “{ $module }” has no valid time, or one later than the file was written.
        [duplicate] attempt or run { $item } of “{ $module }” is in the file twice.
        [run] role-play run { $item } of “{ $module }” is marked passed with a poor ending or a critical choice.
        [name] the learner's name is empty, too long or holds a control character.
       *[other] its figures do not agree with each other.
    } It may have been edited by hand.

## instructor

instructor-detail = Details: { $detail }
instructor-open = Instructor
instructor-title = Instructor mode
instructor-lead = Instructors can bring in new versions of the course and share it with others as a course package. Learners do not need this.
instructor-setTitle = Choose an instructor passphrase
instructor-setLead = No passphrase has been chosen on this computer yet. Choose one that only instructors know, at least 8 characters long.
instructor-passphrase = Passphrase
instructor-passphraseAgain = The same passphrase again
instructor-set = Save the passphrase
instructor-tooShort = The passphrase needs at least 8 characters.
instructor-mismatch = The two passphrases are not the same. Type them again.
instructor-unlockTitle = Unlock instructor mode
instructor-unlock = Unlock
instructor-wrong =
    { $secs ->
        [0] That passphrase is not right. Try again.
        [one] That passphrase is not right. You can try again in { $secs } second.
       *[other] That passphrase is not right. You can try again in { $secs } seconds.
    }
instructor-wait =
    { $secs ->
        [0] Too many wrong passphrases in a row. Wait a second and try again.
        [one] Too many wrong passphrases in a row. Wait a second and try again.
       *[other] Too many wrong passphrases in a row. Wait { $secs } seconds and try again.
    }
instructor-unlocked = Instructor mode is unlocked.
instructor-import = Import a course package…
instructor-export = Export the course package…
instructor-lock = Lock
instructor-packageFilter = Värdskap course package
instructor-imported = The course “{ $title }” version { $version } is installed.
instructor-exported = The course package is saved: { $path }
instructor-backToProfiles = Back to the profiles
instructor-editor = Course editor
instructor-findInChooser = Learners find it under “Courses” on the course home page.
instructor-openedTitle = The course package you opened
instructor-openedLead = The app was opened with “{ $name }”. Import it to install its course on this computer.
instructor-importOpened = Import the opened package
instructor-openedLocked = Unlock instructor mode to import the course package you opened: “{ $name }”.

## editor

editor-heading = Course editor
editor-lead = Write and change courses here: modules, lessons, questions and role-plays. The course is saved as text files in a folder of its own.
editor-openHeading = Open a course
editor-openLead = Choose the folder that holds the course’s course.toml.
editor-openFolder = Open a course folder…
editor-openTitle = Choose the course folder
editor-newHeading = New course
editor-newLead = The new course starts with one module and one lesson. You choose where its folder goes.
editor-newLanguages = Languages of the course
editor-newLanguagesProblem = Choose at least one language.
editor-newTitleIn = Title ({ $language })
editor-newTitleProblem = Write a title in every language of the course.
editor-newId = Course id
editor-newIdHint = Lower-case letters, digits and hyphens, e.g. good-hosting. It also names the folder.
editor-newIdProblem = Use only lower-case letters a–z, digits and single hyphens.
editor-newCreate = Choose a folder and create
editor-parentTitle = Choose where the course folder goes
editor-unreadableTitle = The course files cannot be opened in the editor
editor-unreadableLead = Fix these problems in a text editor first, then open the folder again.
editor-openAgain = Open again
editor-openOther = Open another folder
editor-toolbar = Course tools
editor-folder = Folder
editor-unsaved = Unsaved changes
editor-allSaved = All changes saved
editor-save = Save
editor-savedCount = Saved. Problems left: { $count }.
editor-export = Export package…
editor-exported = The course package is saved ({ $files } files): { $path }
editor-importGift = Import GIFT…
editor-preview = Preview as learner
editor-problems = Problems ({ $count })
editor-close = Close the course
editor-leaveTitle = You have unsaved changes
editor-leaveLead = Save them before you leave the editor?
editor-leaveSave = Save and leave
editor-leaveDiscard = Leave without saving
editor-leaveStay = Stay in the editor
editor-navLabel = Parts of the course
editor-problemCount = { $count } problems
editor-problemsTitle = Problems ({ $count })
editor-problemsNow = Problems in the course now: { $count }.
editor-noProblems =
    { $warnings ->
        [0] No problems found.
       *[other] No errors found. Warnings: { $warnings }. They do not stop saving or exporting the course.
    }
editor-error = Error
editor-warning = Warning
editor-warningCount = Warnings: { $count }. They do not stop saving or exporting the course.
editor-optional = (optional)
editor-notANumber = Write a number, for example 2 or 0,5.
editor-id = Id
editor-idHint = Learners’ progress is kept by id: change it only before the course is in use.
editor-courseIdHint = Learners’ progress is kept by course id: change it only before the course is in use.
editor-moveUp = Move up: { $name }
editor-moveDown = Move down: { $name }
editor-moved = { $name } is now number { $position } of { $count }.
editor-remove = Remove: { $name }
editor-removeAsk = Remove { $name }?
editor-removeYes = Yes, remove
editor-removeNo = Keep
editor-removed = { $name } has been removed.
editor-course = Course
editor-version = Version
editor-languages = Languages
editor-languagesHint = Language codes separated by commas, the first is the default, e.g. sv, en. Every text needs each language.
editor-title = Title
editor-description = Description
editor-passMark = Pass mark
editor-passMarkHint = The share of points needed to pass, from 0 to 1, e.g. 0,8 for 80 %.
editor-competencies = Competencies
editor-competenciesHint = What the course trains. Every question and role-play choice gives points in a competency.
editor-addCompetency = Add a competency
editor-modules = Modules
editor-noModules = The course has no modules yet.
editor-moduleN = Module { $n }
editor-addModule = Add a module
editor-summary = Summary
editor-feedbackMode = When learners see if they were right
editor-feedbackImmediate = After each question
editor-feedbackDeferred = When the quiz is handed in
editor-modulePassMark = Pass mark of this module
editor-modulePassMarkHint = Leave empty to use the course’s.
editor-outcomes = Learning outcomes
editor-outcomesHint = What a learner can do after the module, one outcome at a time in each language. They are shown when the module starts and on the certificate.
editor-outcomeN = Outcome { $n }
editor-outcomeText = The outcome
editor-addOutcome = Add an outcome
editor-lessons = Lessons
editor-addLesson = Add a lesson
editor-questions = Questions
editor-addQuestion = Add a question
editor-scenarios = Role-plays
editor-addScenario = Add a role-play
editor-lesson = Lesson
editor-markdownHint = Markdown. The first line is the title: # Title. Images go in the module’s media folder.
editor-minutes = Reading time in minutes
editor-minutesHint = A whole number from 1 to 600. Leave empty to estimate it from the text, at 180 words a minute.
editor-markdownIn = Text in { $language } (Markdown)
editor-previewIn = Preview, { $language }
editor-question = Question
editor-kind = Kind of question
editor-kind-single = One right answer
editor-kind-multiple = Several right answers
editor-kind-true_false = True or false
editor-kind-short_text = Short text answer
editor-kind-numeric = Number answer
editor-kind-ordering = Put in order
editor-kind-matching = Match pairs
editor-kindChanged = The question is now of the kind: { $kind }.
editor-competency = Competency
editor-none = (none)
editor-points = Points
editor-prompt = Question text
editor-explanation = Explanation
editor-explanationHint = Shown after the learner has answered.
editor-options = Answer options
editor-singleHint = Mark the one right option.
editor-multipleHint = Mark every right option.
editor-shuffleOptions = Shuffle options
editor-shuffleOptionsHint = Each learner gets the options in an order of their own. Turn this off for a scale such as “never … always”.
editor-optionN = Option { $id }
editor-correct = Right answer
editor-optionText = Text
editor-optionFeedback = Feedback when chosen
editor-addOption = Add an option
editor-rightAnswer = The right answer
editor-feedbackTrue = Feedback to “true”
editor-feedbackFalse = Feedback to “false”
editor-accepted = Accepted answers
editor-acceptedHint = One answer per line, in each language.
editor-caseSensitive = Upper and lower case must match
editor-ignoreDiacritics = Accept answers without accents (cafe for café)
editor-numericAnswer = The right number
editor-tolerance = Tolerance
editor-toleranceHint = How far from the right number an answer may be, e.g. 0,5.
editor-unit = Unit
editor-items = Items
editor-orderingHint = Write the items in the right order; learners get them shuffled.
editor-itemN = Item { $n }
editor-itemText = Text
editor-addItem = Add an item
editor-pairs = Pairs
editor-matchingHint = Write what belongs together; learners get the right-hand sides shuffled.
editor-pairN = Pair { $n }
editor-pairLeft = Left side
editor-pairRight = Right side (the match)
editor-addPair = Add a pair
editor-scenario = Role-play
editor-intro = Introduction
editor-startNode = Start node
editor-nodes = Nodes
editor-nodesHint = Each node is a moment in the conversation. It either offers choices, each leading to another node, or ends the role-play.
editor-nodeN = Node { $id }
editor-isStart = start
editor-speaker = Who speaks
editor-speakerHint = Leave empty for narration.
editor-nodeText = What happens or is said
editor-ending = Ending
editor-noEnding = No ending: the learner chooses
editor-endingAsk = Node { $id } has choices ({ $count }). Choosing “{ $kind }” removes them.
editor-endingYes = Remove the choices and make it an ending
editor-endingNo = Keep the choices
editor-ending-good = Good ending
editor-ending-mixed = Mixed ending
editor-ending-poor = Poor ending
editor-debrief = Debrief
editor-choiceN = Choice { $n }
editor-choiceText = What the learner does
editor-next = Leads to node
editor-choicePoints = Points
editor-choicePointsHint = Per competency; may be negative. Leave empty for none.
editor-noCompetencies = The course has no competencies yet.
editor-choiceFeedback = Feedback
editor-critical = Critical mistake
editor-criticalHint = Choosing this fails the role-play whatever the points.
editor-shuffleChoices = Shuffle choices
editor-shuffleChoicesHint = Each play-through shows the choices in an order of its own. Turn this off when the order means something.
editor-addChoice = Add a choice to { $node }
editor-addNode = Add a node
editor-nodeAdded = Node { $id } has been added at the end.
editor-previewTitle = Preview as learner
editor-previewLanguage = Language
editor-previewLead = As a learner sees it, from what you have written so far. Nothing is saved.
editor-previewAgain = Start over
editor-previewNothing = Choose a lesson, question or role-play to preview it.
editor-giftTitle = Import questions from GIFT
editor-giftLead = GIFT is the text format Moodle uses for question banks. The questions are added to the module you choose.
editor-giftModule = Into module
editor-giftChoose = Choose a GIFT file…
editor-giftFilter = GIFT question bank
editor-giftFound = Questions that can be imported: { $count }
editor-giftCategories = Categories in the file: { $list }
editor-giftLine = line { $line }
editor-giftWholeFile = the whole file
editor-giftProblems = Problems
editor-giftSkipped = Skipped
editor-giftNotes = Notes
editor-giftStale = The module, the competency or the module’s questions have changed since the file was read. Choose the file again.
editor-giftAdd = Add the questions ({ $count }) to the module
editor-giftAdded = Questions added: { $count }.

## courses

courses-title = Courses
courses-lead = More than one course is installed on this computer. Choose the one you want to work on.
courses-current = Current course

## final

final-title = Final test
final-lead = { $count } questions from the whole course, a new mix every time. You see your result once you hand it in.
final-marks = Pass from { $pass }, pass with distinction from { $distinction }.
final-locked = The final test opens when you have passed every module.
final-start = Take the final test
final-continue = Continue the final test
final-retake = Take the final test again
final-best = Best result: { $grade } ({ $score })
final-notTaken = Not taken yet
final-grade-fail = Fail
final-grade-pass = Pass
final-grade-distinction = Pass with distinction
final-resultTitle = Your final test result
final-gradeIs = Grade: { $grade }
final-verdict-fail = You need { $mark } to pass. You can take the test again with new questions.
final-verdict-pass = You have passed the final test. Pass with distinction needs { $mark }.
final-verdict-distinction = You have passed the final test with the highest grade.
final-stillPassed = Your best earlier result still counts: { $grade }.
final-resultsCaption = Your final test attempts, newest first
final-resultsGrade = Grade
final-resultsNone = You have not handed in the final test yet.

## cli: what the command-line tool (vardskap-cli) says itself, in the language
## of its --lang (English unless asked for another); its --help stays English.

cli-error = error: { $message }
cli-usage = usage: { $usage }  (see --help)
cli-note = note: { $message }
cli-noDataDir = no data directory: give --data-dir <dir> or set VARDSKAP_DATA_DIR
cli-syncReport = sent { $sent }, set aside by the LRS { $setAside }, still waiting { $waiting }
cli-syncUnreachable = { $endpoint } could not be reached ({ $reason }); the statements wait for the next sync
cli-syncRefused = { $endpoint } refused the class's user name or password (HTTP { $status }); nothing more was sent
cli-syncOutbox = the outbox could not be sent: { $reason }
cli-noProgress = { $dir } holds no Värdskap progress ({ $file } is missing)
cli-noSuchProfile = there is no profile called "{ $name }" (there are: { $names })
cli-noProfiles = none
cli-profileHasPin = the profile "{ $name }" has a PIN: give it with --pin
cli-courseNotInstalled = no course "{ $id }" is installed
cli-noCourseInstalled = no course is installed
cli-severalCourses = several courses are installed; choose one with --course ({ $ids })
cli-learnerNotOpened = the learner's progress could not be opened
cli-noTempFolder = cannot make a temporary folder
cli-cannotWrite = cannot write { $path }: { $reason }
cli-cannotRead = cannot read { $path }: { $reason }
cli-notAFile = it is not a file
cli-cannotReadCourse = cannot read the course folder { $path }: { $reason }
cli-courseUsage = vardskap-cli <validate|stats|pack> <course-dir>
cli-courseProblems = { $context }: the course has problems (listed above)
cli-wroteResults = wrote the results of { $name } in { $course } to { $path }
cli-noResults = no results were written
cli-wroteCertificate = wrote the certificate of { $name } to { $path } (verification code { $code })
cli-noCertificate = no certificate was written
cli-codeMatches = matches: the certificate's code fits the results in { $path }
cli-codeDiffers = does not match: the certificate or the results in { $path } were changed, or belong to someone else
cli-notAModuleFolder = { $path } is not a module folder: it has no { $file }
cli-noSuchCompetency = the course has no competency "{ $id }" (it has: { $known })
cli-noCompetency = the course declares no competency; add one to course.toml or give --competency
cli-cannotReadCourseOfModule = cannot read the course of { $path } (a module folder sits in <course>/modules/): { $reason }
cli-skipped = skipped { $kind }: { $reason }
cli-imported =
    imported { $count ->
        [one] 1 question
       *[other] { $count } questions
    } for competency `{ $competency }` into { $file }; skipped { $skipped }, { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    }
cli-nothingImported = nothing in { $file } could be imported
cli-notImported = nothing was imported
cli-packed =
    packed { $files ->
        [one] 1 file
       *[other] { $files } files
    } ({ $bytes } bytes) into { $package } ({ $packageBytes } bytes)
cli-notPacked = { $path } was not packed
cli-unpacked =
    opened { $files ->
        [one] 1 file
       *[other] { $files } files
    } ({ $bytes } bytes) into { $dir }
cli-notUnpacked = { $path } was not opened
cli-valid = course `{ $id }` { $version } is valid: { $modules } modules, { $lessons } lessons, { $questions } questions, { $scenarios } scenarios in { $languages }
cli-problems =
    { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }
cli-warnings =
    { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
cli-warningsFail =
    { $count ->
        [one] 1 warning (--strict: it fails the check)
       *[other] { $count } warnings (--strict: they fail the check)
    }
cli-problemsNotListed =
    the course has { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }; run `vardskap-cli validate` to list them
cli-statsModule = module
cli-statsLessons = lessons
cli-statsQuestions = questions
cli-statsScenarios = scenarios
cli-statsLanguages = languages
cli-complete = complete
cli-incomplete = INCOMPLETE
cli-noLanguage = the course has no language `{ $lang }` (it has: { $languages })

## gift: the explanation of an imported question whose GIFT file has none,
## in each language of the course.

gift-rightOptions =
    { $count ->
        [one] Right answer
       *[other] Right answers
    }: { $answers }
gift-rightTruth =
    Right answer: { $value ->
        [true] true
       *[false] false
    }
gift-accepted = Accepted answers: { $answers }
gift-rightNumber = Right answer: { $answer }
gift-rightNumberWithin = Right answer: { $answer } ± { $tolerance }
gift-rightPairs = Right pairs: { $pairs }

## check: the course check's problems (the loader, the validator, the lesson
## checks, the item lint and the editor's file names), each a
## `path:line:col: message` for the author, in the CLI's --lang and the
## editor's problems panel. Code words select the words: $table (course.toml …,
## competency, final, lesson, question, option, item, pair, scenario, node,
## choice) and $found (a TOML type: string, integer, float, boolean, datetime,
## array, table).

check-table =
    { $table ->
        [final] final test ([final])
        [lesson] lesson table
       *[other] { $table }
    }
check-aTable =
    { $table ->
        [competency] a competency
        [final] a final test ([final])
        [lesson] a lesson table
        [question] a question
        [option] an option
        [item] an item
        [pair] a pair
        [scenario] a scenario
        [node] a node
        [choice] a choice
       *[other] { $table }
    }
check-found =
    { $found ->
        [string] a string
        [integer] an integer
        [float] a float
        [boolean] a boolean
        [datetime] a datetime
        [array] an array
        [table] a table
       *[other] { $found }
    }
check-idOf =
    { $what ->
        [scenarioFile] scenario (the file name)
        [lessonFile] lesson (in the file name)
       *[other] { $what }
    }
check-path =
    { $more ->
        [0]
            { $steps ->
                [0] (no choice)
               *[other] { $head }
            }
       *[other] { $head } → … ({ $more } more) … → { $tail }
    }{ $loopCount ->
        [0] {""}
       *[other]
            , counting once round its loop { $loop }{ $loopMore ->
                [0] {""}
               *[other] {" "}and { $loopMore } more
            }
    }
check-warning = warning
check-moreProblems = { $more } more problems in this file are not listed (only the first { $max } are)
check-tomlSyntax = TOML syntax: { $detail }
check-missingKey = { check-table } has no `{ $key }`
check-unknownKey = unknown key `{ $key }` in { check-aTable }
check-notString = `{ $key }` must be a string, not { check-found }
check-notBool = `{ $key }` must be true or false, not { check-found }
check-notNumber = `{ $key }` must be a number, not { check-found }
check-notTable = `{ $key }` must be a table, not { check-found }
check-notText = `{ $key }` must be a table with one text per language, like { $key } = {"{"} { $example } {"}"}, not { check-found }
check-notTableList = `{ $key }` must be a list of tables, written [[{ $key }]], not { check-found }
check-notStringList = `{ $key }` must be a list of strings, like ["…"], not { check-found }
check-notTextList = `{ $key }` must be a list of texts, like outcomes = [{"{"} { $example } {"}"}], not { check-found }
check-notFinite = `{ $key }` must be a finite number
check-undeclaredLanguage = `{ $lang }` is not a language of this course ({ $languages })
check-emptyText = `{ $key }` is empty in `{ $lang }`
check-missingTranslation = `{ $key }` has no `{ $lang }` translation
check-version = `version` must be a semantic version like 1.0.0, not `{ $version }`
check-noCompetency = the course declares no `[[competency]]`; every question and scenario choice refers to one
check-drawNotWhole = `draw` is how many questions one attempt draws from final.toml: a whole number of at least 1, not { $value }
check-finalModuleNotString = `module` must be a string: the id of the module the question tests
check-finalModuleMissing = a final-test question has no `module`: add module = "<module id>" (the module it tests)
check-finalNoQuestions = final.toml has no `[[question]]`: the final test draws its questions from them
check-noLanguages = course.toml has no `languages`, e.g. languages = ["sv", "en"]
check-languagesEmpty = `languages` must list at least one language, e.g. ["sv", "en"]
check-notLanguageCode = `{ $lang }` is not a language code like "sv" or "en"
check-languageTwice = language `{ $lang }` is listed twice
check-feedbackMode = `feedback` is `immediate` or `deferred`, not `{ $value }`
check-outcomeNotText = each outcome is a table with one text per language, like {"{"} { $example } {"}"}, not { check-found }
check-lessonNotTable = `lesson.{ $lesson }` must be a table, written [lesson.{ $lesson }] with `minutes = 6` under it
check-minutes = `minutes` is a whole number of minutes from 1 to { $max }, not { $value }
check-unknownKind = unknown question kind `{ $kind }` (one of: { $kinds })
check-keyOfOtherKind =
    `{ $key }` does not belong in a { $kind } question, only in { $kinds ->
        [single-multiple] single and multiple
        [true_false-numeric] true_false and numeric
       *[other] { $kinds }
    } questions
check-noAccept = short_text question has no `accept` list of accepted answers
check-acceptEmpty = no accepted answers for `{ $lang }`: list at least one
check-acceptBlank = an accepted answer cannot be empty
check-acceptMissingLanguage = `accept` has no answers for `{ $lang }`
check-noNodes = a scenario has at least one `[[node]]`
check-endingKind = `ending` is `good`, `mixed` or `poor`, not `{ $value }`
check-endingNeedsDebrief = a node with an `ending` needs a `debrief`
check-debriefWithoutEnding = only a node with an `ending` has a `debrief`
check-endingWithChoices = a node with an `ending` is the end of the scenario and has no choices
check-notSlug = { check-idOf } id `{ $id }` is not a slug: use lower-case letters a-z, digits and `-`, starting with a letter or digit
check-duplicateId = duplicate { $what } id `{ $id }` (first used on line { $line })
check-passMark = `pass_mark` must be a share of the points, above 0 and at most 1 (e.g. 0.8), not { $value }
check-points = `points` must be above 0, not { $value }
check-tolerance = `tolerance` cannot be negative ({ $value })
check-unknownCompetency = unknown competency `{ $competency }` (course.toml declares: { $known })
check-atLeastTwo =
    a { $kind } question needs at least 2 { $kind ->
        [ordering] items ([[question.item]])
        [matching] pairs ([[question.pair]])
       *[other] options ([[question.option]])
    }, it has { $count }
check-noCorrectSingle = no option is marked `correct = true`; a single-choice question needs exactly one
check-noCorrectMultiple = no option is marked `correct = true`; a multiple-choice question needs at least one
check-secondCorrect = a single-choice question has exactly one correct option; this is a second one
check-sameText =
    this { $what ->
        [left] left side
        [right] right side
       *[other] item
    } reads the same in `{ $lang }` as the one on line { $line }; learners cannot tell them apart
check-unknownNext = `next` names no node of this scenario: `{ $node }`
check-deadEnd = node `{ $node }` has neither choices nor an ending: it leads nowhere
check-unknownStart = `start` names no node of this scenario: `{ $node }`
check-endingUnreachable = the ending `{ $node }` cannot be reached: no path from `start` leads to it
check-nodeUnreachable = node `{ $node }` cannot be reached from `start`
check-loop = from node `{ $node }` no path leads to an ending: its choices only go round in a loop
check-noGoodEnding = no path from `start` leads to a `good` ending
check-criticalEndsWell = the good ending `{ $ending }` can be reached after the critical choice `{ $choice }` at node `{ $node }` (path: { check-path }); a critical choice must never end well
check-goodEndingCheap = the good ending `{ $ending }` can be reached with { $points } of { $best } points on the path { check-path }; a good ending needs at least half of the best path's { $best }
check-distinction = `distinction` must be a share of the points, above 0 and at most 1 (e.g. 0.9), not { $value }
check-distinctionBelowPass = `distinction` ({ $distinction }) is below `pass_mark` ({ $passMark }): Väl godkänd needs at least the points of Godkänd
check-reservedModuleId = module id `{ $id }` is reserved for the course's final test; choose another id
check-unreadable = the course could not be read
check-noModules = the course has no modules: add a folder like modules/01-welcome/ with a module.toml
check-duplicateModule = duplicate module id `{ $id }` (also in { $file })
check-emptyModule = the module has no lessons, questions or scenarios
check-finalFileMissing = `[final]` draws its questions from final.toml at the course root, and that file is missing
check-finalHeadMissing = final.toml holds a final test's questions, but course.toml has no `[final]` (with `draw`, `pass_mark` and `distinction`)
check-unknownModule = unknown module `{ $module }` (the course's modules: { $known })
check-finalIdTaken = question id `{ $id }` is also a question of module `{ $module }`: answers are kept by question id, so a final-test question needs an id of its own
check-drawTooMany = `draw` is { $draw } but final.toml has { $count } questions: an attempt cannot draw more than the bank holds
check-lessonFileName = a lesson file is named like 01-lesson-id.sv.md (number, id, language)
check-duplicateLesson = duplicate lesson id `{ $id }` (also numbered { $number })
check-lessonMissingLanguage = lesson `{ $lesson }` has no `{ $lang }` version: this file is missing
check-fileTooLarge = the file is larger than { $max } MiB; split it into smaller lessons or modules
check-fileIsLink = this file is a symbolic link; a course's files must be inside its folder
check-fileMissing = this file is missing
check-cannotReadFile = cannot read the file: { $detail }
check-cannotReadFolder = cannot read the folder: { $detail }
check-linkSkipped = this is a symbolic link; a course's files must be inside its folder, so it is not read
check-nameNotUtf8 = a file name is not valid UTF-8: { $name }
check-lessonSettingUnknown =
    `[lesson.{ $lesson }]`: the module has no lesson `{ $lesson }` ({ $count ->
        [0] the module has no lessons
       *[other] its lessons are { $known }
    }; the id is the lesson file's name without number and language)
check-notUtf8 = the file is not valid UTF-8 text
check-lessonNoTitle = a lesson starts with its title on the first line, like `# Vad är värdskap?`
check-imageNoAlt = image `{ $image }` has no alt text: describe it in the brackets, like ![The entrance](…)
check-nestedTooDeep = elements are nested more than { $max } levels deep here; a lesson needs far fewer
check-sanitised = the sanitiser had to change this lesson's HTML (`<{ $tag }>`)
check-linkHttp = link `{ $url }` must use https://
check-linkNotAllowed = link `{ $url }` is not allowed: links go to https:// pages, mailto: addresses or #anchors
check-imageNotRelative = image `{ $image }` must be a file in the course folder, written relative to the lesson with `/`, like ../media/entre.svg
check-imageOutside = image `{ $image }` points outside the course folder
check-imageMissing = image file `{ $file }` does not exist
check-htmlTag = raw HTML `<{ $tag }>` is not allowed in lessons and would be removed
check-htmlAttribute = attribute `{ $attribute }` on `<{ $tag }>` is not allowed in lessons and would be removed
check-htmlImage = images in raw HTML are not supported; use Markdown: ![alt text](../media/file.svg)
check-htmlValue = value `{ $value }` of `{ $attribute }` on `<{ $tag }>` is not allowed and would be removed
check-lintSameOption = option `{ $option }` says the same as option `{ $first }` in `{ $lang }`: a learner sees two equal choices; make each option say something of its own
check-lintLongestKey = the correct option is the longest in `{ $lang }` ({ $length } characters, the longest wrong one { $longestWrong }): learners who pick the longest option get it right without knowing; shorten the key or give a wrong option as much detail
check-lintPromptGivesKey = the prompt's word "{ $promptWord }" repeats "{ $word }" of the correct option `{ $option }` in `{ $lang }`, and no wrong option has it: learners can match the words instead of knowing the answer; reword the prompt or the option
check-lintMostlyCorrect = { $correct } of { $total } options are correct: a learner who ticks everything scores well, and the few wrong ones stand out; add plausible wrong options or make it a single choice
check-lintYear = note: the answer { $answer } looks like a year: recalling dates says little about how someone acts with a guest; ask about a situation instead
check-lintTrueFalse =
    { $count } of the { $total } true/false questions in this { $group ->
        [final] final test's bank
       *[other] module
    } have the key `{ $value }`: a learner who always answers { $value } scores well; rewrite some so that about as many are true as false
check-languageCode = `{ $lang }` is not a language code like sv or en
check-moduleFolderName = the module folder name `{ $folder }` cannot be used
check-moduleFolderTwice = two modules use the folder { $path }
check-lessonIdFileName = the lesson id `{ $id }` cannot be part of a file name: use lower-case letters a-z, digits and `-`
check-scenarioIdFileName = the role-play id `{ $id }` cannot be a file name: use lower-case letters a-z, digits and `-`
check-duplicateScenario = duplicate role-play id `{ $id }` in this module

## giftImport: what the GIFT import says about a file: problems (a question not
## imported, or text ignored), notes on what changed on the way in, and why a
## question was skipped. $weight is Moodle's percentage, as written.

giftImport-noLanguage = no course language was given to import the questions into
giftImport-needsTranslation = the questions were imported as { $first }; the same text was put in { $others }, which needs translation
giftImport-titleNotClosed = the title has no closing `::`
giftImport-description = a text without answers (description) is not a question here
giftImport-essay = essay questions need a teacher to grade them
giftImport-braceNotClosed = this `{"{"}` has no closing `{"}"}`
giftImport-braceNotOpened = this `{"}"}` has no opening `{"{"}` before it
giftImport-secondBlock = a second answer block: separate questions with a blank line, or escape the brace as `\{"{"}`
giftImport-strayText = stray text after the answers was ignored: `{ $text }`
giftImport-noText = the question has no text
giftImport-media = the question text links to or embeds media, which a plain-text prompt cannot show
giftImport-noGeneralFeedback = no general feedback (`####`): the explanation names the right answer; consider writing one
giftImport-answerStart = answers must start with `=` (right) or `~` (wrong)
giftImport-twoAnswers = a multiple-choice question needs at least two answers
giftImport-answerNoText = an answer has no text
giftImport-partialWrong = "{ $answer }" gave { $weight }% in Moodle; here it counts as wrong
giftImport-noneRight = no answer is marked right (`=`, or a positive `%weight%`)
giftImport-severalRight = several answers are marked right with `=`; imported as a multiple-answer question
giftImport-catchAll = Moodle's catch-all answer `*` was left out
giftImport-notAccepted = "{ $answer }" gave { $weight }% in Moodle; it is not accepted here
giftImport-partialAccepted = "{ $answer }" gave { $weight }% in Moodle; here it is accepted as fully right
giftImport-answerFeedback = the feedback for "{ $answer }" was left out: short answers here have one explanation
giftImport-noneAccepted = no answer is accepted
giftImport-wrongNumberFeedback = the feedback for wrong numbers was left out
giftImport-numberFeedback = the feedback for a numeric answer was left out
giftImport-notANumber = `{ $value }` is not a number, `number:tolerance` or `min..max`
giftImport-noNumber = a numeric question needs an answer after `#`
giftImport-noCredit = no numeric answer gives any credit
giftImport-bestNumber = only the best of several numeric answers was kept
giftImport-partialNumber = the answer gave { $weight }% in Moodle; here it is fully right
giftImport-noArrow = a matching pair needs `->` between its sides
giftImport-nothingAfterArrow = a matching pair has nothing after `->`
giftImport-distractor = the extra answer "{ $answer }" was left out: matching here has no distractors
giftImport-sideTwice =
    two pairs have the { $side ->
        [left] left side
       *[right] right side
    } "{ $text }": here each left side has a right side of its own
giftImport-twoPairs = a matching question needs at least two pairs

## certificate: the words of the PDF certificate, which the core draws.

certificate-title = Certificate of completion
certificate-certifies = This certifies that
certificate-completed = has completed the course
certificate-version = Version
certificate-date = Date
certificate-modules = Modules
certificate-best = Best result
certificate-competencies = Competencies
certificate-mastery = Mastery
certificate-code = Verification code
certificate-howToCheck = Check the code against the learner's results file: vardskap-cli verify-certificate --results <file> --code <code>
certificate-continued = continued
certificate-outcomes = Learning outcomes
certificate-finalTest = Final test
certificate-grade = Grade
certificate-percent = { $percent }%

## newCourse: what a course made in the editor starts with, in each of its languages.

newCourse-competency = General
newCourse-moduleTitle = Module 1
newCourse-lessonTitle = Lesson 1
newCourse-lessonBody = Write the lesson here.

## class: joining an instructor's class and sending results to it
class-open = Class
class-title = Class
class-lead = In a class, your results are sent to your instructor's learning record store, so they can follow the class. You join with the invitation file your instructor gives you.
class-choose = Open a class invitation…
class-chooseTitle = Open a class invitation
class-filter = Class invitation
class-consentTitle = Join { $name }?
class-consentCourse = Course: { $course } (version { $version })
class-consentWhat = What is sent
class-consentLessons = Which lessons you open.
class-consentAnswers = Your answers to quiz and final test questions, whether they were right, and your scores.
class-consentRoleplays = Your choices in role-plays, their endings and points.
class-consentCertificate = That you earned the course certificate.
class-consentWhere = Where it is sent
class-consentHost = To { $host }, the class's learning record store ({ $endpoint }). Your instructor reads it from there.
class-consentNot = Nothing else: not your PIN, not your work in other courses, and never an e-mail address. Your results stay on this computer too.
class-consentOffline = Without a network, your results wait on this computer and are sent later.
class-consentName = Under which name
class-nameProfile = My profile name ({ $name })
class-namePseudonym = A pseudonym, which only the instructor can tie to me
class-pseudonym = Pseudonym
class-consentLeave = You can leave the class at any time. Then nothing more is sent.
class-join = Join the class
class-cancel = Cancel
class-joined = You are in { $name }.
class-sentAs = Your results are sent as “{ $name }” to { $host }.
class-statusSent = All sent
class-statusWaiting = { $count ->
        [one] 1 result waiting to be sent
       *[other] { $count } results waiting to be sent
    }
class-statusOffline = { $count ->
        [one] 1 result waiting to be sent (offline since { $time })
       *[other] { $count } results waiting to be sent (offline since { $time })
    }
class-statusRefused = The class's learning record store did not accept the class's password, so nothing is sent. Ask your instructor for a new invitation, or try again.
class-statusRefusedShort = Sending stopped: password refused
class-statusSetAside = { $count ->
        [one] The learning record store refused 1 result; it is kept here.
       *[other] The learning record store refused { $count } results; they are kept here.
    }
class-lastSent = Last sent { $time }.
class-sendNow = Send now
class-waitingTitle = Not sent yet
class-waitingNone = Nothing is waiting to be sent.
class-setAside = Refused by the learning record store: { $reason }
class-showStatement = What is sent
class-leave = Leave the class
class-leaveConfirm = { $count ->
        [0] Leave { $name }? Nothing more will be sent.
        [one] Leave { $name }? Nothing more will be sent, and the 1 result not sent yet will not be sent.
       *[other] Leave { $name }? Nothing more will be sent, and the { $count } results not sent yet will not be sent.
    }
class-leaveYes = Yes, leave the class
class-left = You left the class. Nothing more is sent.
class-verb-experienced = Read
class-verb-answered = Answered
class-verb-responded = Chose in
class-verb-passed = Passed
class-verb-failed = Did not pass
class-verb-completed = Completed
class-verb-earned = Earned the certificate of

## classes: the instructor's classes and class view
classes-open = Classes
classes-title = Classes
classes-lead = A class sends its learners' results to a learning record store (LRS); here you follow it. Create a class, export its invitation and give the file to your learners.
classes-none = No classes yet.
classes-new = New class
classes-name = Class name
classes-course = Course
classes-endpoint = LRS address (xAPI endpoint)
classes-endpointHint = For example https://lrs.example.org/xAPI/
classes-readUser = Your user name for reading (instructor)
classes-readPassword = Your password for reading
classes-writeUser = Learners' user name for sending
classes-writePassword = Learners' password for sending
classes-credentialsHint = The learners' user name and password go into the invitation file: give them only the right to send statements. Yours stays on this computer.
classes-create = Create the class
classes-created = The class “{ $name }” is created.
classes-show = Open
classes-delete = Delete the class
classes-deleteConfirm = Delete “{ $name }” from this computer? What its learners sent stays in the LRS.
classes-deleteYes = Yes, delete
classes-learnerCount = { $count ->
        [one] 1 learner
       *[other] { $count } learners
    }
classes-exportInvitation = Export the invitation…
classes-invitationTitle = Save the class invitation
classes-invitationFilter = Class invitation
classes-invitationSaved = The invitation is saved. Give the file to the learners.
classes-refresh = Fetch now
classes-fetching = Fetching results…
classes-lastFetched = Fetched { $time }.
classes-neverFetched = Not fetched yet.
classes-fetched = { $count ->
        [0] No new results.
        [one] 1 new result.
       *[other] { $count } new results.
    }
classes-unreachable = The class's LRS could not be reached, so the figures below are from the last fetch. { $reason }
classes-refused = The LRS did not accept your user name or password for reading.
classes-importFiles = Import results files…
classes-importTitle = Import learners' results files
classes-importFilter = Results file
classes-imported = { $name }: imported.
classes-importRefused = { $name }: not imported. { $reason }
classes-tabTable = Learners
classes-tabMastery = Competencies
classes-tabItems = Questions
classes-tabRoleplays = Role-plays
classes-learner = Learner
classes-module = Module
classes-best = Best
classes-attempts = Attempts
classes-lastActivity = Last activity
classes-final = Final test
classes-passedCourse = Course passed
classes-passed = Passed
classes-notPassed = Not passed
classes-noAttempt = –
classes-grade-fail = Fail
classes-grade-pass = Pass
classes-grade-distinction = Distinction
classes-competency = Competency
classes-share = Share right
classes-answers = Answers
classes-question = Question
classes-facility = Facility
classes-discrimination = Discrimination
classes-flags = Look at
classes-flag-too_hard = too hard
classes-flag-too_easy = too easy
classes-flag-weak_discrimination = weak discrimination
classes-flag-negative_discrimination = negative discrimination
classes-flag-unchosen_distractor = an option nobody chose
classes-options = Options chosen
classes-key = key
classes-scenario = Role-play
classes-runs = Runs
classes-endings = Endings (good / mixed / poor)
classes-passShare = Passed
classes-criticalChoices = Most frequent critical choices
classes-noData = No results yet.
classes-remove = Remove from this computer
classes-removeConfirm = Remove { $name }'s results from this computer? They stay in the LRS; see the privacy note.
classes-removeYes = Yes, remove
classes-exportTableCsv = Class table as CSV…
classes-exportTableJson = Class table as JSON…
classes-exportItemsCsv = Item analysis as CSV…
classes-exportItemsJson = Item analysis as JSON…
classes-exportSaved = Saved.
classes-print = Save the class report as PDF…
classes-printTitle = Save the class report
classes-back = Back to the classes
classes-learnerPage = { $name }
classes-chartAlt = The same figures as a table

## classReport: the printable class report (PDF), which the core draws. Its
## other words are the class view's (classes-…), so print and screen agree.
classReport-title = Class report
classReport-course = Course: { $title } (version { $version })
classReport-date = Date: { $date }
classReport-table = Learners and modules
classReport-tableModules = Learners and modules { $first }–{ $last }
classReport-modules = Modules
classReport-moduleKey = { $number }. { $title } (pass mark { $percent })
classReport-legend = ✓ module passed · – no attempt yet
classReport-modulesPassed = Modules passed
classReport-mastery = Class mastery per competency
classReport-items = Item analysis
classReport-itemsNote = Under each question: how many chose each option, and their share of the answers whose choice is known.
classReport-module = Module
classReport-rolePlays = Role-play patterns
classReport-learners = Learners
classReport-continued = continued
classReport-page = Page { $page } of { $pages }
classReport-percent = { $percent }%
classReport-decimal = { $sign }{ $whole }.{ $fraction }

## about: the About screen: the app's version, the course, the data folder,
## and the licences of every Rust crate and npm package in the app (listed
## when the app is built).
about-open = About
about-title = About Värdskap
about-lead = Värdskap is an offline app for training in good hosting and service.
about-version = App version
about-course = Course
about-courseVersion = { $title }, version { $version }
about-noCourse = No course could be read.
about-dataDir = Data folder
about-dataDirNote = Your progress, the backups and the installed courses are kept here.
about-openDataDir = Open the data folder
about-licences = Licences
about-licencesLead = Värdskap is built with free and open-source software: { $crates } Rust crates and { $npm } npm packages are part of this build. They and their licences were listed when the app was built.
about-licencesLoading = Reading the licences…
about-licencesMissing = This build has no list of licences.
about-filter = Filter by name or licence
about-shown = { $shown } of { $total } shown
about-packages = Crates and packages in the app
about-name = Name
about-packageVersion = Version
about-licence = Licence
about-kind = Kind
about-kindCrate = Rust crate
about-kindNpm = npm package
about-texts = Licence texts
about-textsLead = The text of each licence, with the crates and packages it applies to.
about-usedBy = { $count ->
        [one] used by 1 crate or package
       *[other] used by { $count } crates and packages
    }
about-textFor = This text comes with: { $names }
about-noText = These ship no licence text of their own; their licence is { $id }: { $names }
about-backToProfiles = Back to the profiles
