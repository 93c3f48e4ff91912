//! The schema, as an append-only list of migrations. A released migration is
//! never edited: a change is a new entry, and a fixture database of every
//! released version is migrated by a test (`tests/core/storage_migrations.rs`).
//!
//! Progress is keyed by course id + module id + question id (text slugs), never
//! by a row id of a course version, so a new course version keeps history.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// Version 1: profiles, installed courses, attempts and their answers.
const V1: &str = "
CREATE TABLE profiles (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    pin_hash    TEXT,                      -- argon2id PHC string, NULL when no PIN
    language    TEXT,                      -- preferred course language, NULL: course default
    theme       TEXT    NOT NULL DEFAULT 'system',
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE courses (
    id            TEXT    PRIMARY KEY,
    version       TEXT    NOT NULL,
    model         TEXT    NOT NULL,        -- the validated content::Course as JSON
    installed_at  INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE attempts (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id       TEXT    NOT NULL REFERENCES courses(id),
    module_id       TEXT    NOT NULL,
    course_version  TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('started', 'submitted', 'graded')),
    started_at      INTEGER NOT NULL,
    submitted_at    INTEGER,
    score           REAL,
    max_score       REAL,
    seed            INTEGER NOT NULL
) STRICT;
-- At most one unfinished attempt per learner and module.
CREATE UNIQUE INDEX attempts_one_open ON attempts (profile_id, course_id, module_id)
    WHERE state = 'started';
CREATE INDEX attempts_by_learner ON attempts (profile_id, course_id, module_id, state);

CREATE TABLE answers (
    attempt_id   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    question_id  TEXT    NOT NULL,
    answer       TEXT    NOT NULL,         -- quiz::Answer as JSON
    lang         TEXT    NOT NULL,         -- language it was given in (short text is graded per language)
    saved_at     INTEGER NOT NULL,
    score        REAL,                     -- set when graded
    max_score    REAL,
    PRIMARY KEY (attempt_id, question_id)
) STRICT, WITHOUT ROWID;
";

/// Version 2: scenario runs and the spaced review queue.
const V2: &str = "
CREATE TABLE scenario_runs (
    id           INTEGER PRIMARY KEY,
    profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id    TEXT    NOT NULL REFERENCES courses(id),
    module_id    TEXT    NOT NULL,
    scenario_id  TEXT    NOT NULL,
    path         TEXT    NOT NULL,         -- choice ids in order, JSON array
    points       TEXT    NOT NULL,         -- competency id -> points, JSON object
    ending       TEXT,                     -- good | mixed | poor; NULL while unfinished
    critical     INTEGER NOT NULL DEFAULT 0,
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER
) STRICT;
CREATE INDEX scenario_runs_by_learner
    ON scenario_runs (profile_id, course_id, module_id, scenario_id);

CREATE TABLE review_cards (
    profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id    TEXT    NOT NULL REFERENCES courses(id),
    module_id    TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    state        TEXT    NOT NULL,         -- the scheduler's state as JSON
    due          INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (profile_id, course_id, module_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX review_cards_due ON review_cards (profile_id, due);
";

/// Version 3: per learner and question, the sums of graded answers, kept by a
/// trigger when an attempt becomes graded (and filled from the answers already
/// graded), so mastery reads one row per question however many attempts a
/// learner has made (10,000 attempts: about 130,000 answers otherwise); and
/// indexes that list a learner's attempts and runs in id order.
const V3: &str = "
CREATE TABLE question_totals (
    profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id    TEXT    NOT NULL REFERENCES courses(id),
    module_id    TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    score        REAL    NOT NULL,         -- sum of the graded answers' scores
    max_score    REAL    NOT NULL,         -- sum of their maxima
    answers      INTEGER NOT NULL,         -- how many graded answers
    PRIMARY KEY (profile_id, course_id, module_id, question_id)
) STRICT, WITHOUT ROWID;

-- Answers of an attempt are scored before it is marked graded, in the same
-- transaction, and never change after (save_answer refuses a closed attempt).
CREATE TRIGGER question_totals_when_graded
AFTER UPDATE OF state ON attempts
WHEN NEW.state = 'graded' AND OLD.state <> 'graded'
BEGIN
    INSERT INTO question_totals (profile_id, course_id, module_id, question_id, score, max_score, answers)
    SELECT NEW.profile_id, NEW.course_id, NEW.module_id, a.question_id, a.score, a.max_score, 1
    FROM answers a
    WHERE a.attempt_id = NEW.id AND a.score IS NOT NULL AND a.max_score IS NOT NULL
    ON CONFLICT (profile_id, course_id, module_id, question_id) DO UPDATE SET
        score = score + excluded.score,
        max_score = max_score + excluded.max_score,
        answers = answers + 1;
END;

-- A learner's attempts and runs in a course come in id order straight from
-- these (an index holds the rowid), without sorting thousands of rows.
CREATE INDEX attempts_in_order ON attempts (profile_id, course_id);
CREATE INDEX scenario_runs_in_order ON scenario_runs (profile_id, course_id);

INSERT INTO question_totals (profile_id, course_id, module_id, question_id, score, max_score, answers)
SELECT t.profile_id, t.course_id, t.module_id, a.question_id, SUM(a.score), SUM(a.max_score), COUNT(*)
FROM attempts t JOIN answers a ON a.attempt_id = t.id
WHERE t.state = 'graded' AND a.score IS NOT NULL AND a.max_score IS NOT NULL
GROUP BY t.profile_id, t.course_id, t.module_id, a.question_id;
";

/// Version 4: instructor mode. One row: the passphrase's argon2id hash and the
/// wrong tries in a row with the time before which no try is checked.
const V4: &str = "
CREATE TABLE instructor (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    passphrase_hash  TEXT,                 -- argon2id PHC string, NULL until set
    failures         INTEGER NOT NULL DEFAULT 0,
    locked_until     INTEGER,              -- no try is checked before this time
    updated_at       INTEGER NOT NULL
) STRICT;
";

/// Version 5: the course each learner last chose, so signing in brings them
/// back to it. NULL: the app's default (built-in) course.
const V5: &str = "
ALTER TABLE profiles ADD COLUMN course_id TEXT REFERENCES courses(id) ON DELETE SET NULL;
";

/// Version 6: a learner's PIN gets the instructor passphrase's growing,
/// stored wait after wrong tries, so 10,000 PINs cannot be tried in minutes.
const V6: &str = "
ALTER TABLE profiles ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN pin_locked_until INTEGER;
";

/// Version 7: a wait after wrong tries is also kept on the boot clock (the
/// boot's id and the seconds since boot when it ends), so setting the wall
/// clock ahead does not end it; NULL where there was no boot clock to read.
const V7: &str = "
ALTER TABLE instructor ADD COLUMN lock_boot_id TEXT;
ALTER TABLE instructor ADD COLUMN locked_until_uptime REAL;
ALTER TABLE profiles ADD COLUMN pin_lock_boot_id TEXT;
ALTER TABLE profiles ADD COLUMN pin_locked_until_uptime REAL;
";

/// Version 8: classes and the xAPI outbox. A learner who joined a class (after
/// the consent screen) has a membership per course; every event of theirs in
/// that course writes its xAPI statement to the outbox in the event's own
/// transaction, serialized once: `body` is sent byte for byte, so a resend is
/// identical. Leaving the class deletes the membership and what still waits.
/// Each profile gets a UUID (the actor's account name) when it first joins.
const V8: &str = "
ALTER TABLE profiles ADD COLUMN uuid TEXT;
CREATE UNIQUE INDEX profiles_uuid ON profiles (uuid) WHERE uuid IS NOT NULL;

CREATE TABLE class_memberships (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    class_id        TEXT    NOT NULL,
    class_name      TEXT    NOT NULL,
    course_id       TEXT    NOT NULL,
    course_version  TEXT    NOT NULL,
    endpoint        TEXT    NOT NULL,      -- the LRS's xAPI base IRI
    username        TEXT    NOT NULL,      -- the class's write-only credential
    password        TEXT    NOT NULL,
    home_page       TEXT    NOT NULL,      -- the actor account's homePage
    actor_name      TEXT    NOT NULL,      -- display name or pseudonym, as chosen
    registration    TEXT    NOT NULL,      -- xAPI context registration (UUID)
    joined_at       INTEGER NOT NULL,
    last_sent_at    INTEGER,               -- when the LRS last took a batch
    failing_since   INTEGER,               -- first failed try since the last success
    problem         TEXT,                  -- refused | unreachable; NULL when fine
    problem_detail  TEXT,
    UNIQUE (profile_id, course_id)
) STRICT;

CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    membership_id INTEGER NOT NULL REFERENCES class_memberships(id) ON DELETE CASCADE,
    statement_id  TEXT    NOT NULL UNIQUE,
    verb          TEXT    NOT NULL,        -- the verb's short name, for the learner's list
    activity      TEXT    NOT NULL,        -- the object's name in the learner's language
    body          TEXT    NOT NULL,        -- the statement's JSON exactly as sent
    created_at    INTEGER NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'waiting'
                          CHECK (state IN ('waiting', 'sent', 'conflict', 'quarantined')),
    sent_at       INTEGER,
    problem       TEXT                     -- why the LRS set it aside
) STRICT;
CREATE INDEX outbox_waiting ON outbox (membership_id, id) WHERE state = 'waiting';
CREATE INDEX outbox_by_membership ON outbox (membership_id, state);
";

/// Version 9: the instructor's classes (issue 16). A class keeps where its
/// LRS is, the instructor's read credential (for pulling) and the learners'
/// write-only credential (for the invitation file). What the class view knows
/// is cached per class: the statements pulled from the LRS (deduplicated by
/// statement id; `fact` is what the class view reads of one, extracted once
/// when it is stored, so the records of 250,000 statements are built from a
/// few dozen bytes each; the bodies, kept as the LRS gave them, are in a
/// table of their own so reading the facts never reads them), the attempts
/// and role-play runs imported from learners'
/// results files (deduplicated by learner and attempt, a newer file's
/// version kept), and the learners the instructor removed, so that a later
/// pull or import does not bring them back. Learners are keyed `lrs:<account
/// name>` or `file:<profile name>`.
const V9: &str = "
CREATE TABLE instructor_classes (
    id              INTEGER PRIMARY KEY,
    class_id        TEXT    NOT NULL UNIQUE,   -- slug made from the name: the class activity's id
    name            TEXT    NOT NULL,
    course_id       TEXT    NOT NULL,
    course_version  TEXT    NOT NULL,          -- installed when the class was made
    endpoint        TEXT    NOT NULL,          -- the LRS's xAPI base IRI, ends with '/'
    read_username   TEXT    NOT NULL,          -- the instructor's read credential
    read_password   TEXT    NOT NULL,
    write_username  TEXT    NOT NULL,          -- the learners' write-only credential (invitation)
    write_password  TEXT    NOT NULL,
    home_page       TEXT,                      -- the invitation's homePage; NULL: the LRS's origin
    created_at      INTEGER NOT NULL,
    last_pulled_at  INTEGER,
    last_pull_error TEXT,                      -- why the last pull failed; NULL after a success
    pull_since      TEXT                       -- the `since` (RFC 3339) the next pull sends
) STRICT;

CREATE TABLE class_statements (
    id            INTEGER PRIMARY KEY,
    class_id      INTEGER NOT NULL REFERENCES instructor_classes(id) ON DELETE CASCADE,
    statement_id  TEXT    NOT NULL,
    learner       TEXT    NOT NULL,            -- 'lrs:' || actor.account.name
    actor_name    TEXT    NOT NULL,            -- actor.name ('' when it has none)
    timestamp     INTEGER NOT NULL,            -- the statement's timestamp, Unix seconds
    fact          TEXT,                        -- what the class view reads, JSON; NULL: nothing
    UNIQUE (class_id, statement_id)
) STRICT;
CREATE INDEX class_statements_by_learner ON class_statements (class_id, learner);

CREATE TABLE class_statement_bodies (
    statement  INTEGER PRIMARY KEY REFERENCES class_statements(id) ON DELETE CASCADE,
    body       TEXT    NOT NULL                -- the statement as the LRS gave it
) STRICT;

CREATE TABLE class_removed_learners (
    class_id    INTEGER NOT NULL REFERENCES instructor_classes(id) ON DELETE CASCADE,
    learner     TEXT    NOT NULL,
    removed_at  INTEGER NOT NULL,
    PRIMARY KEY (class_id, learner)
) STRICT, WITHOUT ROWID;

CREATE TABLE class_file_attempts (
    id              INTEGER PRIMARY KEY,
    class_id        INTEGER NOT NULL REFERENCES instructor_classes(id) ON DELETE CASCADE,
    learner         TEXT    NOT NULL,          -- 'file:' || the file's profile name
    module_id       TEXT    NOT NULL,          -- 'final' for the final test
    attempt_id      INTEGER NOT NULL,          -- the attempt's id in the learner's app
    course_version  TEXT    NOT NULL,
    submitted_at    INTEGER NOT NULL,
    score           REAL    NOT NULL,
    max_score       REAL    NOT NULL,
    passed          INTEGER NOT NULL,
    grade           TEXT,                      -- final test: fail | pass | distinction
    questions       TEXT    NOT NULL,          -- [{id, score, max}] as in the file, JSON
    generated_at    INTEGER NOT NULL,          -- generatedAt of the file it came from
    UNIQUE (class_id, learner, module_id, attempt_id)
) STRICT;

CREATE TABLE class_file_runs (
    id            INTEGER PRIMARY KEY,
    class_id      INTEGER NOT NULL REFERENCES instructor_classes(id) ON DELETE CASCADE,
    learner       TEXT    NOT NULL,
    run_id        INTEGER NOT NULL,            -- the run's id in the learner's app
    module_id     TEXT    NOT NULL,
    scenario_id   TEXT    NOT NULL,
    ending        TEXT    NOT NULL,            -- good | mixed | poor
    points        TEXT    NOT NULL,            -- competency id -> points, JSON object
    critical      INTEGER NOT NULL,
    passed        INTEGER NOT NULL,
    finished_at   INTEGER NOT NULL,
    generated_at  INTEGER NOT NULL,
    UNIQUE (class_id, learner, run_id)
) STRICT;
";

const MIGRATIONS_SLICE: &[M<'static>] = &[
    M::up(V1)
        .comment("profiles, courses, attempts, answers")
        .foreign_key_check(),
    M::up(V2)
        .comment("scenario runs, review cards")
        .foreign_key_check(),
    M::up(V3)
        .comment("question totals for mastery, kept by a trigger")
        .foreign_key_check(),
    M::up(V4).comment("instructor passphrase and wait after wrong tries"),
    M::up(V5)
        .comment("each learner's chosen course")
        .foreign_key_check(),
    M::up(V6).comment("wait after wrong PINs"),
    M::up(V7).comment("waits after wrong tries on the boot clock"),
    M::up(V8)
        .comment("classes and the xAPI outbox")
        .foreign_key_check(),
    M::up(V9)
        .comment("the instructor's classes and their cache")
        .foreign_key_check(),
];

/// Every migration, in order; only ever appended to.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATIONS_SLICE);

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS_SLICE.len();

/// The database's schema version (SQLite `user_version`); 0 for a new file.
pub(crate) fn current_version(conn: &Connection) -> Result<usize, rusqlite_migration::Error> {
    use rusqlite_migration::SchemaVersion;
    Ok(match MIGRATIONS.current_version(conn)? {
        SchemaVersion::NoneSet => 0,
        SchemaVersion::Inside(v) | SchemaVersion::Outside(v) => v.get(),
    })
}

pub(crate) fn to_latest(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    MIGRATIONS.to_latest(conn)
}

/// Brings a database to exactly `version`; the fixture generator uses it.
#[cfg(test)]
pub(crate) fn to_version(
    conn: &mut Connection,
    version: usize,
) -> Result<(), rusqlite_migration::Error> {
    MIGRATIONS.to_version(conn, version)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn migrations_validate() {
        assert_eq!(
            MIGRATIONS.validate(),
            Ok(()),
            "every migration must apply cleanly to an empty database"
        );
    }

    #[test]
    fn one_open_attempt_per_learner_and_module_is_enforced_by_the_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        to_latest(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO profiles (id, name, created_at) VALUES (1, 'Ada', 0);
             INSERT INTO courses VALUES ('c', '1.0.0', '{}', 0, 0);
             INSERT INTO attempts (profile_id, course_id, module_id, course_version, state, started_at, seed)
                 VALUES (1, 'c', 'm', '1.0.0', 'graded', 0, 1), (1, 'c', 'm', '1.0.0', 'started', 0, 2);",
        )
        .unwrap();
        let second_open = conn.execute(
            "INSERT INTO attempts (profile_id, course_id, module_id, course_version, state, started_at, seed)
                 VALUES (1, 'c', 'm', '1.0.0', 'started', 0, 3)",
            [],
        );
        assert!(
            second_open.is_err(),
            "a second open attempt on the same module must be refused"
        );
    }
}
