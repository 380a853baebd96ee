//! Why a chart kind refuses to draw data that is valid CSV: it cannot be drawn honestly (a pie
//! of shares past 100%, negative stacks) or readably (too many categories). The message names
//! the file and place, and options and kinds by key ([`Message`]), for the front end to word.

use crate::options::Message;

/// A chart that cannot be drawn from this data.
#[derive(Debug, Clone, PartialEq)]
pub struct KindError(pub Message);

impl KindError {
    /// The message, with options named by key.
    pub fn message(&self) -> Message {
        self.0.clone()
    }
}

impl From<Message> for KindError {
    fn from(m: Message) -> KindError {
        KindError(m)
    }
}
