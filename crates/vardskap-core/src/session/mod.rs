//! A user's session with the progress store: who is signed in, which course
//! they work in, and whether instructor mode is unlocked. Every ownership and
//! authorisation rule lives here, so the app's commands and the CLI only
//! build a session and call it:
//!
//! - learner operations need a signed-in profile and work in the session's
//!   course (never a course named by the caller), on the learner's own
//!   attempts and role-play runs only;
//! - instructor operations need the passphrase given since the last lock;
//! - signing in or out (or making a profile) locks instructor mode again, so
//!   a learner never inherits an instructor's unlock.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::certificate::{self, Certificate};
use crate::class_view::records::ClassRecords;
use crate::class_view::{FileImport, InstructorClass, NewClass, PullSummary, PullTarget};
use crate::content::{self, Course, CourseOutline, LessonView};
use crate::export::{self, ResultsFormat};
use crate::progress::{
    AnswerSaved, AttemptDetail, AttemptId, AttemptView, CourseResults, InstalledCourse,
    InstructorStatus, ModuleResult, NewProfile, PreparedPackage, Profile, ProfileId,
    ResultsHistory, ReviewAnswered, ReviewItem, ScenarioPlay, ScenarioRunDetail, ScenarioRunId,
    Theme,
};
use crate::quiz::Answer;
use crate::scenario::Step;
use crate::storage::Store;
use crate::xapi::{ActorName, ClassInvitation, ClassInvitationView, ClassStatus, UnsentStatement};
use crate::{Error, Result};

pub struct Session {
    store: Store,
    /// The course the learner works in: the one they chose last, else the
    /// built-in course.
    course: Option<String>,
    /// The learner who is signed in (unlocked with their PIN, if any).
    profile: Option<ProfileId>,
    /// Whether the instructor passphrase was given since the last lock.
    instructor_unlocked: bool,
    /// A class invitation read for the consent screen, joined only when the
    /// learner agrees (its credential stays here, never in the UI).
    pending_class: Option<ClassInvitation>,
}

impl Session {
    /// A session on `store` with nobody signed in, in the built-in course
    /// (if the store has one installed).
    pub fn new(store: Store) -> Self {
        let course = store.builtin_course().map(String::from);
        Session {
            store,
            course,
            profile: None,
            instructor_unlocked: false,
            pending_class: None,
        }
    }

    /// The store, for what needs no signed-in learner or unlock (the list of
    /// profiles, the installed courses, backups).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The course the session works in.
    pub fn course_id(&self) -> Result<&str> {
        self.course.as_deref().ok_or_else(|| Error::NotFound {
            what: "course",
            id: "built-in".into(),
        })
    }

    /// The signed-in learner.
    pub fn profile(&self) -> Result<ProfileId> {
        self.profile.ok_or(Error::NotSignedIn)
    }

    /// Whether instructor mode is unlocked.
    pub fn instructor_unlocked(&self) -> bool {
        self.instructor_unlocked
    }

    // Profiles: signing in and out.

    pub fn profiles(&self) -> Result<Vec<Profile>> {
        self.store.profiles()
    }

    /// Makes a profile and signs it in.
    pub fn create_profile(&mut self, new: &NewProfile) -> Result<Profile> {
        let created = self.store.create_profile(new)?;
        self.enter(created.id)?;
        Ok(created)
    }

    /// Signs `id` in, checking its PIN when it has one (with the growing
    /// wait after wrong PINs), and brings them back to the course they chose
    /// last if it is still installed; else to the built-in course.
    pub fn sign_in(&mut self, id: ProfileId, pin: Option<&str>) -> Result<Profile> {
        let profile = self.store.unlock_profile(id, pin)?;
        self.enter(profile.id)?;
        Ok(profile)
    }

    fn enter(&mut self, profile: ProfileId) -> Result<()> {
        let chosen = self.store.chosen_course(profile)?;
        let installed = chosen.filter(|id| self.store.course(id).is_ok());
        self.course = installed.or_else(|| self.store.builtin_course().map(String::from));
        self.profile = Some(profile);
        // Whoever signs in is a learner until the passphrase is given again.
        self.instructor_unlocked = false;
        self.pending_class = None;
        Ok(())
    }

    /// Signs out; the next learner starts on the built-in course.
    pub fn sign_out(&mut self) {
        self.profile = None;
        self.instructor_unlocked = false;
        self.pending_class = None;
        self.course = self.store.builtin_course().map(String::from);
    }

    /// Remembers the signed-in learner's language and theme.
    pub fn set_preferences(&mut self, language: Option<&str>, theme: Theme) -> Result<Profile> {
        let profile = self.profile()?;
        self.store.set_profile_preferences(profile, language, theme)
    }

    // The course.

    /// Makes the installed course `id` the signed-in learner's current one and
    /// remembers it; NotFound when no such course is installed.
    pub fn choose_course(&mut self, id: &str) -> Result<()> {
        let profile = self.profile()?;
        self.store.course(id)?;
        self.store.choose_course(profile, id)?;
        self.course = Some(id.to_string());
        Ok(())
    }

    /// Works in the installed course `id` for this session only, without
    /// remembering it as the learner's choice (the CLI's `--course`).
    pub fn work_in(&mut self, id: &str) -> Result<()> {
        self.profile()?;
        self.store.course(id)?;
        self.course = Some(id.to_string());
        Ok(())
    }

    pub fn installed_courses(&self, lang: &str) -> Result<Vec<InstalledCourse>> {
        self.store.installed_courses(lang)
    }

    /// The session's course model.
    pub fn course(&self) -> Result<Arc<Course>> {
        self.store.course(self.course_id()?)
    }

    pub fn course_outline(&self, lang: &str) -> Result<CourseOutline> {
        Ok(content::course_outline(&*self.course()?, lang))
    }

    /// A lesson of the session's course, its images pointing at
    /// `media_base(course id)` (the shell's media scheme). Opening it is
    /// recorded as read when the learner is in a class.
    pub fn lesson(
        &mut self,
        module: &str,
        lesson: &str,
        lang: &str,
        media_base: impl FnOnce(&str) -> String,
    ) -> Result<LessonView> {
        let course = self.course()?;
        let base = media_base(&course.id);
        let view = content::lesson_view(&course, Some(&base), module, lesson, lang)?;
        if let Some(profile) = self.profile {
            self.store
                .record_lesson_read(profile, &course.id, module, lesson, lang)?;
        }
        Ok(view)
    }

    // Classes: results sent to the class's Learning Record Store.

    /// Reads a class invitation for the consent screen; it is joined only by
    /// [`Session::join_class`]. Its course must be installed.
    pub fn read_class_invitation(&mut self, path: &Path) -> Result<ClassInvitationView> {
        self.profile()?;
        let invitation = ClassInvitation::read(path)?;
        self.store
            .course(&invitation.course.id)
            .map_err(|_| Error::ClassCourseNotInstalled {
                course: invitation.course.id.clone(),
            })?;
        let view = invitation.view();
        self.pending_class = Some(invitation);
        Ok(view)
    }

    /// Joins the class of the invitation read last, under the name the
    /// learner chose, and works in its course from now on.
    pub fn join_class(&mut self, name: &ActorName) -> Result<ClassStatus> {
        let profile = self.profile()?;
        let invitation = self.pending_class.as_ref().ok_or(Error::NotInClass)?;
        let status = self.store.join_class(profile, invitation, name)?;
        let course = invitation.course.id.clone();
        self.pending_class = None;
        self.choose_course(&course)?;
        Ok(status)
    }

    /// Leaves the learner's class in `course`: nothing more is sent.
    pub fn leave_class(&mut self, course: &str) -> Result<()> {
        let profile = self.profile()?;
        self.store.leave_class(profile, course)
    }

    /// The learner's classes and how sending to them goes.
    pub fn class_status(&self) -> Result<Vec<ClassStatus>> {
        self.store.class_status(self.profile()?)
    }

    /// The learner's own statements that are not sent yet.
    pub fn unsent_statements(&self) -> Result<Vec<UnsentStatement>> {
        self.store.unsent_statements(self.profile()?)
    }

    /// "Send now": a refused credential is tried again (the shell wakes the sync).
    pub fn send_now(&mut self) -> Result<()> {
        let profile = self.profile()?;
        self.store.retry_refused(profile)
    }

    /// The store, for the sync's bookkeeping (no learner needed: a lab's
    /// outbox is sent whoever is signed in).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    // The learner's work, in the session's course.

    pub fn course_results(&self, lang: &str) -> Result<CourseResults> {
        self.store
            .course_results(self.profile()?, self.course_id()?, lang)
    }

    /// Starts a quiz attempt, or resumes the unfinished one with its answers.
    pub fn start_attempt(&mut self, module: &str, lang: &str) -> Result<AttemptView> {
        let (profile, course) = self.learner_in_course()?;
        self.store.start_attempt(profile, &course, module, lang)
    }

    /// Starts the course's final test once every module is passed, or resumes it.
    pub fn start_final_test(&mut self, lang: &str) -> Result<AttemptView> {
        let (profile, course) = self.learner_in_course()?;
        self.store.start_final_test(profile, &course, lang)
    }

    /// Saves one answer durably, in the learner's own attempt.
    pub fn save_answer(
        &mut self,
        attempt: AttemptId,
        question: &str,
        answer: &Answer,
        lang: &str,
    ) -> Result<AnswerSaved> {
        self.own_attempt(attempt)?;
        self.store.save_answer(attempt, question, answer, lang)
    }

    pub fn submit_attempt(&mut self, attempt: AttemptId, lang: &str) -> Result<ModuleResult> {
        self.own_attempt(attempt)?;
        self.store.submit_attempt(attempt, lang)
    }

    pub fn module_result(&self, attempt: AttemptId, lang: &str) -> Result<ModuleResult> {
        self.own_attempt(attempt)?;
        self.store.module_result(attempt, lang)
    }

    pub fn attempt_detail(&self, attempt: AttemptId, lang: &str) -> Result<AttemptDetail> {
        self.own_attempt(attempt)?;
        self.store.attempt_detail(attempt, lang)
    }

    pub fn start_scenario(
        &mut self,
        module: &str,
        scenario: &str,
        lang: &str,
    ) -> Result<ScenarioPlay> {
        let (profile, course) = self.learner_in_course()?;
        self.store
            .start_scenario(profile, &course, module, scenario, lang)
    }

    pub fn choose_in_scenario(
        &mut self,
        run: ScenarioRunId,
        choice: &str,
        lang: &str,
    ) -> Result<Step> {
        self.own_run(run)?;
        self.store.choose_in_scenario(run, choice, lang)
    }

    pub fn scenario_run_detail(&self, run: ScenarioRunId, lang: &str) -> Result<ScenarioRunDetail> {
        self.own_run(run)?;
        self.store.scenario_run_detail(run, lang)
    }

    /// Questions due for practice, from every course the learner worked in.
    pub fn reviews_due(&self, lang: &str) -> Result<Vec<ReviewItem>> {
        self.store.reviews_due(self.profile()?, lang)
    }

    /// Answers a practice question; `course` is the due item's own course.
    pub fn answer_review(
        &mut self,
        course: &str,
        module: &str,
        question: &str,
        answer: &Answer,
        lang: &str,
    ) -> Result<ReviewAnswered> {
        let profile = self.profile()?;
        self.store
            .answer_review(profile, course, module, question, answer, lang)
    }

    pub fn results_history(&self, lang: &str) -> Result<ResultsHistory> {
        self.store
            .results_history(self.profile()?, self.course_id()?, lang)
    }

    /// The learner's results in the session's course as CSV or JSON text.
    pub fn results_text(&self, format: ResultsFormat) -> Result<String> {
        let (profile, course) = (self.profile()?, self.course_id()?);
        match format {
            ResultsFormat::Csv => export::results_csv(&self.store, profile, course),
            ResultsFormat::Json => export::results_json(&self.store, profile, course),
        }
    }

    /// Writes the learner's results file whole at `path` (a path the user chose).
    pub fn write_results(&self, format: ResultsFormat, path: &Path) -> Result<()> {
        export::write_results_file(
            &self.store,
            self.profile()?,
            self.course_id()?,
            format,
            path,
        )
    }

    /// The certificate for the session's course (the course must be passed).
    pub fn certificate(&self, lang: &str) -> Result<Certificate> {
        Certificate::for_profile(&self.store, self.profile()?, self.course_id()?, lang)
    }

    /// Writes the certificate PDF whole at `path` (a path the user chose).
    pub fn write_certificate(&self, lang: &str, path: &Path) -> Result<()> {
        certificate::write_pdf(&self.store, self.profile()?, self.course_id()?, lang, path)
    }

    fn learner_in_course(&self) -> Result<(ProfileId, String)> {
        Ok((self.profile()?, self.course_id()?.to_string()))
    }

    /// One learner can neither read nor change another's attempts.
    fn own_attempt(&self, attempt: AttemptId) -> Result<()> {
        self.store.check_attempt_owner(self.profile()?, attempt)
    }

    fn own_run(&self, run: ScenarioRunId) -> Result<()> {
        self.store.check_run_owner(self.profile()?, run)
    }

    // Instructor mode.

    pub fn instructor_status(&self) -> Result<InstructorStatus> {
        self.store.instructor_status()
    }

    /// Sets (first use) or changes the passphrase; whoever set it is the
    /// instructor, so instructor mode is unlocked after.
    pub fn set_instructor_passphrase(
        &mut self,
        passphrase: &str,
        current: Option<&str>,
    ) -> Result<()> {
        self.store.set_instructor_passphrase(passphrase, current)?;
        self.instructor_unlocked = true;
        Ok(())
    }

    pub fn unlock_instructor(&mut self, passphrase: &str) -> Result<()> {
        self.store.unlock_instructor(passphrase)?;
        self.instructor_unlocked = true;
        Ok(())
    }

    pub fn lock_instructor(&mut self) {
        self.instructor_unlocked = false;
    }

    /// Ok when instructor mode is unlocked; [`Error::InstructorLocked`] else.
    pub fn require_instructor(&self) -> Result<()> {
        if self.instructor_unlocked {
            Ok(())
        } else {
            Err(Error::InstructorLocked)
        }
    }

    /// Where a package may be unpacked and staged (see
    /// [`PreparedPackage::prepare`], which needs no session and so can run
    /// while other work goes on); for an instructor.
    pub fn package_staging_dir(&self) -> Result<PathBuf> {
        self.require_instructor()?;
        Ok(self.store.data_dir().to_path_buf())
    }

    /// Installs a prepared package; for an instructor.
    pub fn install_prepared(
        &mut self,
        prepared: PreparedPackage,
        lang: &str,
    ) -> Result<InstalledCourse> {
        self.require_instructor()?;
        self.store.install_prepared(prepared, lang)
    }

    /// The folder of the installed course `id`, for packing; for an
    /// instructor. The id is looked up among the installed courses, never
    /// joined into a path as given.
    pub fn installed_course_folder(&self, id: &str) -> Result<PathBuf> {
        self.require_instructor()?;
        let installed = self.store.course(id)?;
        Ok(self.store.course_folder(&installed.id))
    }

    // The instructor's classes (issue 16); all for an instructor.

    /// Makes a class for an installed course.
    pub fn create_instructor_class(&mut self, new: &NewClass) -> Result<InstructorClass> {
        self.require_instructor()?;
        self.store.create_class(new)
    }

    pub fn instructor_classes(&self) -> Result<Vec<InstructorClass>> {
        self.require_instructor()?;
        self.store.instructor_classes()
    }

    pub fn instructor_class(&self, id: i64) -> Result<InstructorClass> {
        self.require_instructor()?;
        self.store.instructor_class(id)
    }

    /// Deletes a class and everything cached for it.
    pub fn delete_instructor_class(&mut self, id: i64) -> Result<()> {
        self.require_instructor()?;
        self.store.delete_instructor_class(id)
    }

    /// The class's invitation file, with the learners' write credential.
    pub fn class_invitation_json(&self, id: i64) -> Result<String> {
        self.require_instructor()?;
        self.store.class_invitation_json(id)
    }

    /// Saves the class's invitation file at `path` (chosen in a save
    /// dialog), written atomically.
    pub fn write_class_invitation(&self, id: i64, path: &Path) -> Result<()> {
        let json = self.class_invitation_json(id)?;
        export::write_atomically(path, json.as_bytes())
    }

    /// What a pull of the class needs, with the instructor's read credential.
    pub fn class_pull_target(&self, id: i64) -> Result<PullTarget> {
        self.require_instructor()?;
        self.store.class_pull_target(id)
    }

    /// Caches a whole pull's statements (see [`Store::store_pulled_statements`]).
    pub fn store_pulled_statements(
        &mut self,
        id: i64,
        bodies: &[String],
        next_since: Option<&str>,
    ) -> Result<PullSummary> {
        self.require_instructor()?;
        self.store.store_pulled_statements(id, bodies, next_since)
    }

    /// Records why a pull failed; the cached figures stay.
    pub fn record_pull_failure(&mut self, id: i64, message: &str) -> Result<()> {
        self.require_instructor()?;
        self.store.record_pull_failure(id, message)
    }

    /// Imports learners' results files (paths granted by an open dialog)
    /// into the class, each accepted or refused with its reason.
    pub fn import_results_files(&mut self, id: i64, paths: &[PathBuf]) -> Result<Vec<FileImport>> {
        self.require_instructor()?;
        self.store.import_results_files(id, paths)
    }

    /// Removes a learner from the class's cache and keeps them out.
    pub fn remove_class_learner(&mut self, id: i64, learner_key: &str) -> Result<()> {
        self.require_instructor()?;
        self.store.remove_class_learner(id, learner_key)
    }

    /// The class's course (the installed version) and its records, for the
    /// class report.
    pub fn class_records(&self, id: i64) -> Result<(Arc<Course>, ClassRecords)> {
        self.require_instructor()?;
        let class = self.store.instructor_class(id)?;
        let course =
            self.store
                .course(&class.course_id)
                .map_err(|_| Error::ClassCourseUnknown {
                    course: class.course_id.clone(),
                })?;
        let records = self.store.class_records(id, &course)?;
        Ok((course, records))
    }
}

#[cfg(test)]
mod tests;
