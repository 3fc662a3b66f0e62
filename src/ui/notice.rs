//! What the app tells the person outside the fields' own messages: the banner's [`Notice`]
//! (with its [`Level`] and an optional list, and possibly a button that offers a follow-up
//! step), and a field's [`Refusal`]. Pure data: the banner component shows them.

use super::action::Action;

/// How a banner message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Success,
    Error,
}

/// A step the banner offers: its button's label and the action it dispatches.
#[derive(Clone, Debug)]
pub struct Offer {
    pub label: &'static str,
    /// Boxed: an action can carry a notice.
    pub action: Box<Action>,
}

impl PartialEq for Offer {
    /// Offers compare by label: an offer is shown, never inspected.
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label
    }
}

/// A message above the form, with an optional list (e.g. what an import left out).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    pub details: Vec<String>,
    pub offer: Option<Offer>,
}

impl Notice {
    pub fn new(level: Level, text: impl Into<String>) -> Self {
        Notice {
            level,
            text: text.into(),
            details: Vec::new(),
            offer: None,
        }
    }

    /// The same notice with a list under it.
    pub fn with_details(mut self, details: Vec<String>) -> Self {
        self.details = details;
        self
    }
}

/// Why a field's last input was not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    /// Changes with every refusal, so the field re-renders (and puts the stored value back)
    /// even when the same text is refused twice.
    pub seq: u64,
}
