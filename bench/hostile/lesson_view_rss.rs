//! Measurement helper (not committed): load a course folder and render one
//! lesson through content::lesson_view with media, as the app does.
//! Usage: lesson_view_rss <course-dir> <module-dir-name> [json]
use std::path::Path;
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(&args[1]);
    let t = Instant::now();
    let (course, problems) = vardskap_core::content::check_course(dir);
    let course = course.unwrap_or_else(|| panic!("course does not load: {problems:?}"));
    let module = course.modules.iter().find(|m| m.dir == args[2]).expect("module");
    let lesson = module.lessons[0].id.clone();
    let loaded = t.elapsed();
    // AFTER API: a media base URL the shell passes (vardskap-media scheme).
    let view = vardskap_core::content::lesson_view(&course, Some("vardskap-media://localhost/course/fixture-course/"), &module.id, &lesson, "sv").expect("view");
    let rendered = t.elapsed();
    let json_len = if args.get(3).map(String::as_str) == Some("json") {
        serde_json::to_string(&view).expect("json").len()
    } else { 0 };
    eprintln!(
        "problems={} html_bytes={} media_urls={} json_bytes={} load_s={:.3} total_s={:.3}",
        problems.len(), view.html.len(), view.html.matches("vardskap-media://").count(), json_len,
        loaded.as_secs_f64(), rendered.as_secs_f64()
    );
}
