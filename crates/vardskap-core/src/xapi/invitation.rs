//! The class invitation file (`.vdsk-class`): JSON an instructor hands out,
//! holding the class, its course, and where and with which write-only
//! credential its statements go. It is outside input: its size is bounded,
//! every field is checked, and what is wrong is told by the field's name.
//!
//! ```json
//! { "format": "vardskap-class", "version": 1,
//!   "class": { "id": "ht26-a", "name": "Värdskap HT26, grupp A" },
//!   "course": { "id": "vardskap", "version": "1.0.0" },
//!   "lrs": { "endpoint": "https://lrs.example.org/xAPI/",
//!            "username": "ht26-a", "password": "…" },
//!   "homePage": "https://lrs.example.org" }
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// An invitation file is small; anything larger is not one.
pub const MAX_INVITATION_BYTES: u64 = 64 * 1024;
/// The longest class name (characters).
pub(crate) const MAX_NAME_CHARS: usize = 200;
/// The longest id, username, password or address (characters).
pub(crate) const MAX_FIELD_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ClassInvitation {
    pub format: String,
    pub version: u32,
    pub class: ClassRef,
    pub course: CourseRef,
    pub lrs: Lrs,
    #[serde(rename = "homePage", default)]
    pub home_page: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ClassRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CourseRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct Lrs {
    pub endpoint: String,
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Lrs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The credential never reaches a log.
        f.debug_struct("Lrs")
            .field("endpoint", &self.endpoint)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// What the consent screen shows of an invitation: never the credential.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassInvitationView {
    pub class_id: String,
    pub class_name: String,
    pub course_id: String,
    pub course_version: String,
    /// The LRS the statements go to.
    pub endpoint: String,
    /// Its host, as the consent screen names it.
    pub host: String,
}

impl ClassInvitation {
    /// Reads and checks an invitation file.
    pub fn read(path: &Path) -> Result<ClassInvitation> {
        let file = path.display().to_string();
        let mut bytes = Vec::new();
        {
            use std::io::Read;
            std::fs::File::open(path)
                .and_then(|f| f.take(MAX_INVITATION_BYTES + 1).read_to_end(&mut bytes))
                .map_err(|e| Error::io(path, e))?;
        }
        ClassInvitation::parse(&bytes, &file)
    }

    /// Checks invitation JSON; `file` names it in errors.
    pub fn parse(bytes: &[u8], file: &str) -> Result<ClassInvitation> {
        let invalid = |field: &str| Error::InvitationInvalid {
            file: file.to_string(),
            field: field.to_string(),
        };
        if bytes.len() as u64 > MAX_INVITATION_BYTES {
            return Err(invalid(""));
        }
        let inv: ClassInvitation = serde_json::from_slice(bytes).map_err(|e| {
            // serde names the missing or wrong field in its message; the
            // learner is told which one, or that this is not an invitation.
            let text = e.to_string();
            let field = text
                .split('`')
                .nth(1)
                .filter(|_| text.starts_with("missing field"))
                .unwrap_or("");
            invalid(field)
        })?;
        if inv.format != "vardskap-class" {
            return Err(invalid("format"));
        }
        if inv.version != 1 {
            return Err(invalid("version"));
        }
        let id_ok = |s: &str| {
            !s.is_empty()
                && s.len() <= 100
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        if !id_ok(&inv.class.id) {
            return Err(invalid("class.id"));
        }
        let name = inv.class.name.trim().to_string();
        if name.is_empty()
            || name.chars().count() > MAX_NAME_CHARS
            || name.chars().any(char::is_control)
        {
            return Err(invalid("class.name"));
        }
        if !id_ok(&inv.course.id) {
            return Err(invalid("course.id"));
        }
        if inv.course.version.is_empty() || inv.course.version.chars().count() > 100 {
            return Err(invalid("course.version"));
        }
        for (field, value) in [
            ("lrs.username", &inv.lrs.username),
            ("lrs.password", &inv.lrs.password),
        ] {
            if value.is_empty()
                || value.chars().count() > MAX_FIELD_CHARS
                || value.chars().any(char::is_control)
                || (field == "lrs.username" && value.contains(':'))
            {
                return Err(invalid(field));
            }
        }
        let endpoint = checked_address(&inv.lrs.endpoint).ok_or_else(|| invalid("lrs.endpoint"))?;
        if endpoint.scheme() == "http" && !is_loopback(&endpoint) {
            return Err(Error::InvitationInsecure {
                endpoint: inv.lrs.endpoint.clone(),
            });
        }
        if let Some(home) = &inv.home_page
            && checked_address(home).is_none()
        {
            return Err(invalid("homePage"));
        }
        let mut inv = inv;
        inv.class.name = name;
        // The statements resource is joined to the endpoint: it ends with '/'.
        if !inv.lrs.endpoint.ends_with('/') {
            inv.lrs.endpoint.push('/');
        }
        Ok(inv)
    }

    /// The actor account's homePage: the invitation's, else the LRS's origin.
    pub fn home_page(&self) -> String {
        self.home_page.clone().unwrap_or_else(|| {
            url::Url::parse(&self.lrs.endpoint)
                .map(|u| u.origin().ascii_serialization())
                .unwrap_or_else(|_| self.lrs.endpoint.clone())
        })
    }

    pub fn view(&self) -> ClassInvitationView {
        ClassInvitationView {
            class_id: self.class.id.clone(),
            class_name: self.class.name.clone(),
            course_id: self.course.id.clone(),
            course_version: self.course.version.clone(),
            endpoint: self.lrs.endpoint.clone(),
            host: url::Url::parse(&self.lrs.endpoint)
                .ok()
                .and_then(|u| u.host_str().map(String::from))
                .unwrap_or_default(),
        }
    }
}

/// An http(s) address without a credential, query or fragment in it.
pub(crate) fn checked_address(s: &str) -> Option<url::Url> {
    if s.chars().count() > MAX_FIELD_CHARS {
        return None;
    }
    let url = url::Url::parse(s).ok()?;
    let fine = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some()
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none();
    fine.then_some(url)
}

/// Plain http is for an LRS on this computer only (tests, a lab's own
/// machine): a credential never crosses a network unencrypted.
pub(crate) fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}
