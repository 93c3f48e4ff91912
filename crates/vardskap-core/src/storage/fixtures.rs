//! Generator of the stored fixture databases that the migration tests open
//! (`tests/fixtures/db/v<N>.sqlite3`). Each fixture is written as that schema
//! version's app would have written it, with raw SQL frozen with the version.
//!
//! Regenerate with `VARDSKAP_WRITE_FIXTURES=1 cargo test -p vardskap-core fixture`;
//! without the variable the test checks that the committed file holds exactly
//! what the generator makes. A released fixture is never regenerated.

use std::path::{Path, PathBuf};

use argon2::password_hash::{PasswordHasher, SaltString};
use rusqlite::Connection;

use super::migrations;

pub(crate) fn fixture_path(version: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/db/v{version}.sqlite3"))
}

/// PIN "1234" hashed with a fixed salt, so the fixture is reproducible.
fn fixed_pin_hash() -> String {
    fixed_hash("1234")
}

/// `secret` hashed with argon2id and a fixed salt, so a fixture is reproducible.
fn fixed_hash(secret: &str) -> String {
    let salt =
        SaltString::from_b64("dmFyZHNrYXBmaXh0dXJl").unwrap_or_else(|e| panic!("fixed salt: {e}"));
    argon2::Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .unwrap_or_else(|e| panic!("hashing a fixture secret: {e}"))
        .to_string()
}

/// The instructor passphrase stored in the v4 fixture.
const V4_PASSPHRASE: &str = "fixture passphrase";

/// Schema version 1 with: Ada (PIN 1234, sv, dark) and Bo; course "c" 1.0.0
/// (the progress test course); Ada's graded m1 attempt (q1 right, q2 wrong,
/// 1 of 2), Ada's open m2 attempt (q1 = "hello" in en), Bo's graded m1 (2 of 2).
pub(crate) fn write_v1(path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 1).unwrap_or_else(|e| panic!("schema v1: {e}"));
    let model = serde_json::to_string(&crate::progress::testing::course()).unwrap_or_default();
    let t0: i64 = 1_700_000_000;
    conn.execute_batch("BEGIN")
        .unwrap_or_else(|e| panic!("begin: {e}"));
    let sql = [
        (
            "INSERT INTO profiles VALUES (1, 'Ada', ?1, 'sv', 'dark', ?2)",
            vec![fixed_pin_hash().into(), t0.into()],
        ),
        (
            "INSERT INTO profiles VALUES (2, 'Bo', NULL, NULL, 'system', ?1)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO courses VALUES ('c', '1.0.0', ?1, ?2, ?2)",
            vec![model.into(), t0.into()],
        ),
        (
            "INSERT INTO attempts VALUES (1, 1, 'c', 'm1', '1.0.0', 'graded', ?1, ?1 + 60, 1.0, 2.0, 11)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO attempts VALUES (2, 1, 'c', 'm2', '1.0.0', 'started', ?1 + 100, NULL, NULL, NULL, 22)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO attempts VALUES (3, 2, 'c', 'm1', '1.0.0', 'graded', ?1, ?1 + 30, 2.0, 2.0, 33)",
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (1, 'q1', '{"kind":"single","option":"a"}', 'sv', ?1 + 10, 1.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (1, 'q2', '{"kind":"true_false","value":false}', 'sv', ?1 + 20, 0.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (2, 'q1', '{"kind":"short_text","text":"hello"}', 'en', ?1 + 110, NULL, NULL)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (3, 'q1', '{"kind":"single","option":"a"}', 'en', ?1 + 10, 1.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (3, 'q2', '{"kind":"true_false","value":true}', 'en', ?1 + 20, 1.0, 1.0)"#,
            vec![t0.into()],
        ),
    ];
    for (stmt, params) in sql {
        let params: Vec<rusqlite::types::Value> = params;
        conn.execute(stmt, rusqlite::params_from_iter(params))
            .unwrap_or_else(|e| panic!("{stmt}: {e}"));
    }
    conn.execute_batch("COMMIT; VACUUM;")
        .unwrap_or_else(|e| panic!("commit: {e}"));
}

/// Schema version 4, written as the v4 app writes it: the v1 data (Ada with
/// PIN 1234, sv, dark; Bo; course "c" 1.0.0; Ada's graded m1 attempt, 1 of 2,
/// and open m2 attempt; Bo's graded m1, 2 of 2), where the graded attempts
/// went from started to graded so the v3 trigger filled `question_totals`;
/// Ada's review card for q2 (answered wrong); Ada's finished scenario run
/// (greet → good) and Bo's unfinished one; the instructor passphrase
/// [`V4_PASSPHRASE`] with one wrong try recorded.
pub(crate) fn write_v4(path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 4).unwrap_or_else(|e| panic!("schema v4: {e}"));
    let model = serde_json::to_string(&crate::progress::testing::course()).unwrap_or_default();
    let t0: i64 = 1_700_000_000;
    conn.execute_batch("BEGIN")
        .unwrap_or_else(|e| panic!("begin: {e}"));
    let sql = [
        (
            "INSERT INTO profiles VALUES (1, 'Ada', ?1, 'sv', 'dark', ?2)",
            vec![fixed_pin_hash().into(), t0.into()],
        ),
        (
            "INSERT INTO profiles VALUES (2, 'Bo', NULL, NULL, 'system', ?1)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO courses VALUES ('c', '1.0.0', ?1, ?2, ?2)",
            vec![model.into(), t0.into()],
        ),
        (
            "INSERT INTO attempts VALUES (1, 1, 'c', 'm1', '1.0.0', 'started', ?1, NULL, NULL, NULL, 11)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO attempts VALUES (2, 1, 'c', 'm2', '1.0.0', 'started', ?1 + 100, NULL, NULL, NULL, 22)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO attempts VALUES (3, 2, 'c', 'm1', '1.0.0', 'started', ?1, NULL, NULL, NULL, 33)",
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (1, 'q1', '{"kind":"single","option":"a"}', 'sv', ?1 + 10, 1.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (1, 'q2', '{"kind":"true_false","value":false}', 'sv', ?1 + 20, 0.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (2, 'q1', '{"kind":"short_text","text":"hello"}', 'en', ?1 + 110, NULL, NULL)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (3, 'q1', '{"kind":"single","option":"a"}', 'en', ?1 + 10, 1.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO answers VALUES (3, 'q2', '{"kind":"true_false","value":true}', 'en', ?1 + 20, 1.0, 1.0)"#,
            vec![t0.into()],
        ),
        (
            "UPDATE attempts SET state = 'graded', submitted_at = ?1 + 60, score = 1.0, max_score = 2.0 WHERE id = 1",
            vec![t0.into()],
        ),
        (
            "UPDATE attempts SET state = 'graded', submitted_at = ?1 + 30, score = 2.0, max_score = 2.0 WHERE id = 3",
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO review_cards VALUES (1, 'c', 'm1', 'q2',
                '{"due":1700000060,"lastReview":null,"stability":0.0,"difficulty":0.0,"scheduledDays":0,"reps":0,"lapses":0,"state":"new"}',
                ?1 + 60, ?1 + 60)"#,
            vec![t0.into()],
        ),
        (
            r#"INSERT INTO scenario_runs VALUES (1, 1, 'c', 'm2', 's1', '["greet"]', '{"welcome":2.0}', 'good', 0, ?1 + 200, ?1 + 230)"#,
            vec![t0.into()],
        ),
        (
            "INSERT INTO scenario_runs VALUES (2, 2, 'c', 'm2', 's1', '[]', '{}', NULL, 0, ?1 + 300, NULL)",
            vec![t0.into()],
        ),
        (
            "INSERT INTO instructor VALUES (1, ?1, 1, NULL, ?2 + 400)",
            vec![fixed_hash(V4_PASSPHRASE).into(), t0.into()],
        ),
    ];
    for (stmt, params) in sql {
        let params: Vec<rusqlite::types::Value> = params;
        conn.execute(stmt, rusqlite::params_from_iter(params))
            .unwrap_or_else(|e| panic!("{stmt}: {e}"));
    }
    conn.execute_batch("COMMIT; VACUUM;")
        .unwrap_or_else(|e| panic!("commit: {e}"));
}

/// Schema version 5: the v4 data, migrated as the v5 app migrates it, after
/// which Ada chose course "c" (Bo chose none).
pub(crate) fn write_v5(path: &Path) {
    write_v4(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 5).unwrap_or_else(|e| panic!("schema v5: {e}"));
    conn.execute_batch("UPDATE profiles SET course_id = 'c' WHERE id = 1; VACUUM;")
        .unwrap_or_else(|e| panic!("choosing a course: {e}"));
}

/// Schema version 6: the v5 data, migrated as the v6 app migrates it, with
/// Ada's PIN on hold after three wrong tries (until the fixed time 2000).
pub(crate) fn write_v6(path: &Path) {
    write_v5(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 6).unwrap_or_else(|e| panic!("schema v6: {e}"));
    conn.execute_batch(
        "UPDATE profiles SET pin_failures = 3, pin_locked_until = 2000 WHERE id = 1; VACUUM;",
    )
    .unwrap_or_else(|e| panic!("wrong PINs: {e}"));
}

/// The boot the v7 fixture's waits were set in.
pub(crate) const V7_BOOT_ID: &str = "7e57b007-0000-4000-8000-000000000007";

/// Schema version 7: the v6 data, migrated as the v7 app migrates it, after
/// which Ada's PIN and the instructor passphrase each had five wrong tries
/// in a row, the last at 1,700,000,000 on the wall clock and 1000 s into
/// boot [`V7_BOOT_ID`]: an 8 s wait, until 1,700,000,008 and 1008 s.
pub(crate) fn write_v7(path: &Path) {
    write_v6(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 7).unwrap_or_else(|e| panic!("schema v7: {e}"));
    conn.execute(
        "UPDATE profiles SET pin_failures = 5, pin_locked_until = 1700000008,
             pin_lock_boot_id = ?1, pin_locked_until_uptime = 1008.0 WHERE id = 1",
        [V7_BOOT_ID],
    )
    .unwrap_or_else(|e| panic!("wrong PINs: {e}"));
    conn.execute(
        "UPDATE instructor SET failures = 5, locked_until = 1700000008, lock_boot_id = ?1,
             locked_until_uptime = 1008.0, updated_at = 1700000000 WHERE id = 1",
        [V7_BOOT_ID],
    )
    .unwrap_or_else(|e| panic!("wrong passphrases: {e}"));
    conn.execute_batch("VACUUM;")
        .unwrap_or_else(|e| panic!("vacuum: {e}"));
}

/// The body of the v8 fixture's waiting statement, byte for byte as stored.
pub(crate) const V8_WAITING_BODY: &str = r#"{"actor":{"account":{"homePage":"https://lrs.example.org","name":"0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b"},"name":"Ada","objectType":"Agent"},"id":"00000000-0000-4000-8000-000000000002","object":{"id":"https://id.vardskap.app/xapi/courses/c/modules/m1/quiz","objectType":"Activity"},"timestamp":"2023-11-14T22:13:30Z","verb":{"id":"http://adlnet.gov/expapi/verbs/completed"}}"#;

/// Schema version 8: the v7 fixture, with Ada (profile 1) in class "ht26-a"
/// of course "c" under the pseudonym "Gäst 7": one statement sent, one waiting
/// ([`V8_WAITING_BODY`]), the class's LRS unreachable since 1700000040.
pub(crate) fn write_v8(path: &Path) {
    write_v7(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 8).unwrap_or_else(|e| panic!("schema v8: {e}"));
    conn.execute_batch(
        "UPDATE profiles SET uuid = '0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b' WHERE id = 1;
         INSERT INTO class_memberships (id, profile_id, class_id, class_name, course_id,
             course_version, endpoint, username, password, home_page, actor_name, registration,
             joined_at, last_sent_at, failing_since, problem, problem_detail)
         VALUES (1, 1, 'ht26-a', 'Värdskap HT26 A', 'c', '1.0.0', 'https://lrs.example.org/xAPI/',
             'ht26-a', 's3cret', 'https://lrs.example.org', 'Gäst 7',
             '6f1b7c1e-3a52-4c1f-9a0e-2d5b8f0c9a11', 1700000010, 1700000020, 1700000040,
             'unreachable', 'connection refused');
         INSERT INTO outbox (id, membership_id, statement_id, verb, activity, body, created_at,
             state, sent_at, problem)
         VALUES (1, 1, '00000000-0000-4000-8000-000000000001', 'experienced', 'Välkommen',
             '{}', 1700000015, 'sent', 1700000020, NULL);",
    )
    .unwrap_or_else(|e| panic!("class and outbox: {e}"));
    conn.execute(
        "INSERT INTO outbox (id, membership_id, statement_id, verb, activity, body, created_at)
         VALUES (2, 1, '00000000-0000-4000-8000-000000000002', 'completed', 'm1', ?1, 1700000030)",
        [V8_WAITING_BODY],
    )
    .unwrap_or_else(|e| panic!("waiting statement: {e}"));
    conn.execute_batch("VACUUM;")
        .unwrap_or_else(|e| panic!("vacuum: {e}"));
}

/// The v9 fixture's pulled statements of Ada's (account
/// `0b8e2f4a-…`, named "Gäst 7"): m1 attempt 1, q1 right and q2 wrong, 1 of 2,
/// failed; each with the fact the class view read of it.
pub(crate) const V9_STATEMENTS: [(&str, i64, &str, &str); 3] = [
    (
        "00000000-0000-4000-8000-000000000091",
        1_700_000_050,
        r#"{"kind":"answer","module":"m1","question":"q1","finalTest":false,"attempt":1,"score":1.0,"max":1.0,"response":"a"}"#,
        r#"{"actor":{"account":{"homePage":"https://lrs.example.org","name":"0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b"},"name":"Gäst 7","objectType":"Agent"},"context":{"extensions":{"https://id.vardskap.app/xapi/extensions/attempt":1}},"id":"00000000-0000-4000-8000-000000000091","object":{"id":"https://id.vardskap.app/xapi/courses/c/modules/m1/questions/q1","objectType":"Activity"},"result":{"response":"a","score":{"max":1.0,"min":0.0,"raw":1.0,"scaled":1.0},"success":true},"timestamp":"2023-11-14T22:14:10Z","verb":{"id":"http://adlnet.gov/expapi/verbs/answered"}}"#,
    ),
    (
        "00000000-0000-4000-8000-000000000092",
        1_700_000_060,
        r#"{"kind":"answer","module":"m1","question":"q2","finalTest":false,"attempt":1,"score":0.0,"max":1.0,"response":"false"}"#,
        r#"{"actor":{"account":{"homePage":"https://lrs.example.org","name":"0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b"},"name":"Gäst 7","objectType":"Agent"},"context":{"extensions":{"https://id.vardskap.app/xapi/extensions/attempt":1}},"id":"00000000-0000-4000-8000-000000000092","object":{"id":"https://id.vardskap.app/xapi/courses/c/modules/m1/questions/q2","objectType":"Activity"},"result":{"response":"false","score":{"max":1.0,"min":0.0,"raw":0.0,"scaled":0.0},"success":false},"timestamp":"2023-11-14T22:14:20Z","verb":{"id":"http://adlnet.gov/expapi/verbs/answered"}}"#,
    ),
    (
        "00000000-0000-4000-8000-000000000093",
        1_700_000_070,
        r#"{"kind":"result","module":"m1","attempt":1,"score":1.0,"max":2.0,"passed":false,"grade":null}"#,
        r#"{"actor":{"account":{"homePage":"https://lrs.example.org","name":"0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b"},"name":"Gäst 7","objectType":"Agent"},"context":{"extensions":{"https://id.vardskap.app/xapi/extensions/attempt":1,"https://w3id.org/xapi/cmi5/context/extensions/masteryscore":0.8}},"id":"00000000-0000-4000-8000-000000000093","object":{"id":"https://id.vardskap.app/xapi/courses/c/modules/m1/quiz","objectType":"Activity"},"result":{"completion":true,"score":{"max":2.0,"min":0.0,"raw":1.0,"scaled":0.5},"success":false},"timestamp":"2023-11-14T22:14:30Z","verb":{"id":"http://adlnet.gov/expapi/verbs/failed"}}"#,
    ),
];

/// Schema version 9: the v8 fixture, migrated as the v9 app migrates it,
/// where the instructor made class 1 "Värdskap HT26 A" (id "vardskap-ht26-a")
/// of course "c" on a loopback LRS, pulled Ada's three statements
/// ([`V9_STATEMENTS`]) at 1700000100 (next `since` 2023-11-14T22:14:30.000Z),
/// imported Bo's results file (his m1 attempt 3, 2 of 2, passed, and his
/// good run 2 of s1) and removed the learner `lrs:5e1f0000-0000-4000-8000-000000000000`.
pub(crate) fn write_v9(path: &Path) {
    write_v8(path);
    let mut conn =
        Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    migrations::to_version(&mut conn, 9).unwrap_or_else(|e| panic!("schema v9: {e}"));
    conn.execute_batch(
        "INSERT INTO instructor_classes (id, class_id, name, course_id, course_version, endpoint,
             read_username, read_password, write_username, write_password, home_page, created_at,
             last_pulled_at, last_pull_error, pull_since)
         VALUES (1, 'vardskap-ht26-a', 'Värdskap HT26 A', 'c', '1.0.0',
             'http://127.0.0.1:8100/xAPI/', 'teacher', 'read-s3cret', 'ht26-a', 'write-s3cret',
             NULL, 1700000005, 1700000100, NULL, '2023-11-14T22:14:30.000Z');
         INSERT INTO class_file_attempts (id, class_id, learner, module_id, attempt_id,
             course_version, submitted_at, score, max_score, passed, grade, questions, generated_at)
         VALUES (1, 1, 'file:Bo', 'm1', 3, '1.0.0', 1700000030, 2.0, 2.0, 1, NULL,
             '[{\"id\":\"q1\",\"score\":1.0,\"max\":1.0},{\"id\":\"q2\",\"score\":1.0,\"max\":1.0}]',
             1700000090);
         INSERT INTO class_file_runs (id, class_id, learner, run_id, module_id, scenario_id, ending,
             points, critical, passed, finished_at, generated_at)
         VALUES (1, 1, 'file:Bo', 2, 'm2', 's1', 'good', '{\"welcome\":2.0}', 0, 1, 1700000035,
             1700000090);
         INSERT INTO class_removed_learners (class_id, learner, removed_at)
         VALUES (1, 'lrs:5e1f0000-0000-4000-8000-000000000000', 1700000095);",
    )
    .unwrap_or_else(|e| panic!("class and results file: {e}"));
    for (id, (statement_id, at, fact, body)) in (1i64..).zip(V9_STATEMENTS) {
        conn.execute(
            "INSERT INTO class_statements (id, class_id, statement_id, learner, actor_name,
                 timestamp, fact)
             VALUES (?1, 1, ?2, 'lrs:0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b', 'Gäst 7', ?3, ?4)",
            rusqlite::params![id, statement_id, at, fact],
        )
        .unwrap_or_else(|e| panic!("pulled statement: {e}"));
        conn.execute(
            "INSERT INTO class_statement_bodies (statement, body) VALUES (?1, ?2)",
            rusqlite::params![id, body],
        )
        .unwrap_or_else(|e| panic!("its body: {e}"));
    }
    conn.execute_batch("VACUUM;")
        .unwrap_or_else(|e| panic!("vacuum: {e}"));
}

/// Every row of every table as text, with the course model parsed (so an
/// additive change of the model does not count as a difference).
fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    let mut out = Vec::new();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(-1);
    out.push(format!("user_version {version}"));
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_else(|e| panic!("listing tables: {e}"));
    for table in &tables {
        let table = table.as_str();
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap_or_else(|e| panic!("{e}"));
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    let cell = match (table, i, v) {
                        ("courses", 2, rusqlite::types::Value::Text(json)) => {
                            format!(
                                "{:?}",
                                serde_json::from_str::<crate::content::Course>(&json).ok()
                            )
                        }
                        (_, _, v) => format!("{v:?}"),
                    };
                    cells.push(cell);
                }
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap_or_else(|e| panic!("{e}"));
        out.extend(rows.map(|r| r.unwrap_or_else(|e| panic!("{e}"))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed fixture of `version` holds exactly what `write` makes
    /// (rewritten first when `VARDSKAP_WRITE_FIXTURES` is set).
    fn check_committed(version: usize, write: fn(&Path)) {
        let committed = fixture_path(version);
        if std::env::var_os("VARDSKAP_WRITE_FIXTURES").is_some() {
            write(&committed);
        }
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fresh = dir.path().join(format!("v{version}.sqlite3"));
        write(&fresh);
        assert!(
            committed.exists(),
            "the v{version} fixture must be committed at {}",
            committed.display()
        );
        assert_eq!(
            dump(&committed),
            dump(&fresh),
            "the committed v{version} fixture must match its generator"
        );
    }

    #[test]
    fn committed_v1_fixture_is_what_the_generator_makes() {
        check_committed(1, write_v1);
    }

    #[test]
    fn committed_v4_fixture_is_what_the_generator_makes() {
        check_committed(4, write_v4);
    }

    #[test]
    fn committed_v5_fixture_is_what_the_generator_makes() {
        check_committed(5, write_v5);
    }

    #[test]
    fn committed_v6_fixture_is_what_the_generator_makes() {
        check_committed(6, write_v6);
    }

    #[test]
    fn committed_v7_fixture_is_what_the_generator_makes() {
        check_committed(7, write_v7);
    }

    #[test]
    fn committed_v8_fixture_is_what_the_generator_makes() {
        check_committed(8, write_v8);
    }

    /// The v8 fixture as the app opens it: the class, its counts and
    /// problem, and the waiting statement offered byte for byte.
    #[test]
    fn the_v8_fixture_opens_with_its_class_and_waiting_statement() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(fixture_path(8), dir.path().join(crate::storage::DB_FILE))
            .unwrap_or_else(|e| panic!("{e}"));
        let store = crate::storage::Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let status = store
            .class_status(crate::progress::ProfileId(1))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status.len(), 1);
        let c = &status[0];
        assert_eq!((c.waiting, c.sent, c.set_aside), (1, 1, 0));
        assert_eq!(c.actor_name, "Gäst 7");
        assert_eq!(c.failing_since, Some(1_700_000_040));
        assert_eq!(c.problem, Some(crate::xapi::SyncProblem::Unreachable));
        let batch = store
            .outbox_next_batch(10, &[])
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("the waiting statement is offered"));
        assert_eq!(batch.items, vec![(2, V8_WAITING_BODY.to_string())]);
        assert_eq!(batch.password, "s3cret");
    }

    #[test]
    fn committed_v9_fixture_is_what_the_generator_makes() {
        check_committed(9, write_v9);
    }

    /// The v9 fixture as the app opens it: the class without its passwords,
    /// its learners, and the records of the pulled statements and the
    /// imported file, read by this build.
    #[test]
    fn the_v9_fixture_opens_with_its_class_and_cache() {
        use crate::class_view::records::{AnswerRecord, AttemptRecord, LearnerKey};
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(fixture_path(9), dir.path().join(crate::storage::DB_FILE))
            .unwrap_or_else(|e| panic!("{e}"));
        let store = crate::storage::Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let classes = store.instructor_classes().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(classes.len(), 1);
        let class = &classes[0];
        assert_eq!(
            (
                class.class_id.as_str(),
                class.learners,
                class.last_pulled_at
            ),
            ("vardskap-ht26-a", 2, Some(1_700_000_100))
        );
        let target = store.class_pull_target(1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(target.password, "read-s3cret");
        assert_eq!(target.since.as_deref(), Some("2023-11-14T22:14:30.000Z"));
        let course = store.course("c").unwrap_or_else(|e| panic!("{e}"));
        let records = store
            .class_records(1, &course)
            .unwrap_or_else(|e| panic!("{e}"));
        let ada = "lrs:0b8e2f4a-7d3c-4e5f-8a9b-1c2d3e4f5a6b";
        assert_eq!(
            records.learners,
            vec![
                LearnerKey {
                    key: "file:Bo".into(),
                    name: "Bo".into()
                },
                LearnerKey {
                    key: ada.into(),
                    name: "Gäst 7".into()
                },
            ]
        );
        let answer = |q: &str, score: f64, response: Option<&str>| AnswerRecord {
            module: "m1".into(),
            question: q.into(),
            score,
            max: 1.0,
            response: response.map(String::from),
        };
        assert_eq!(
            records.attempts,
            vec![
                AttemptRecord {
                    learner: "file:Bo".into(),
                    module: "m1".into(),
                    attempt: 3,
                    submitted_at: 1_700_000_030,
                    score: 2.0,
                    max: 2.0,
                    passed: true,
                    grade: None,
                    answers: vec![answer("q1", 1.0, None), answer("q2", 1.0, None)],
                },
                AttemptRecord {
                    learner: ada.into(),
                    module: "m1".into(),
                    attempt: 1,
                    submitted_at: 1_700_000_070,
                    score: 1.0,
                    max: 2.0,
                    passed: false,
                    grade: None,
                    answers: vec![
                        answer("q1", 1.0, Some("a")),
                        answer("q2", 0.0, Some("false"))
                    ],
                },
            ]
        );
        assert_eq!(records.runs.len(), 1);
        assert_eq!(records.last_activity.get(ada), Some(&1_700_000_070));
        // What this build reads of the stored bodies is what the fixture kept.
        for (_, _, fact, body) in V9_STATEMENTS {
            let parsed =
                crate::class_view::statements::parse(body, "c").unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(
                serde_json::to_string(&parsed.fact).unwrap_or_default(),
                fact,
                "the fact of {body}"
            );
        }
    }
}
