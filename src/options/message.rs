//! Messages that name options, worded by the front end. A layer below the front ends never
//! says `--top 7` or `top = 7`: its errors and notes are a [`Message`] of text and option parts
//! (an option's key, a key with its value, a switch turned on, a chart kind with switches), and
//! the front end renders it in its [`Voice`]: as the flags of a command line, or as the keys of
//! a manifest, so a manifest user is never told about a flag they did not type.

use std::fmt::Display;

/// Where the options of a chart came from: how a message names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Voice {
    /// Command-line flags.
    #[default]
    Cli,
    /// Keys of `charts.toml`.
    Manifest,
}

/// One part of a [`Message`].
#[derive(Debug, Clone, PartialEq)]
enum Part {
    /// Words, the same in every voice.
    Text(String),
    /// An option alone: `--label` or `label`.
    Name(&'static str),
    /// An option with its value, quoted: `` `--top 7` `` or `` `top = 7` ``.
    Set(&'static str, String),
    /// An option with a text value, quoted: `` `--decimal ,` `` or `` `decimal = ","` ``.
    SetText(&'static str, String),
    /// A switch turned on: `` `--horizontal` `` or `` `horizontal = true` ``.
    On(&'static str),
    /// A chart kind with switches: `` `sharechart pie --each-row` `` or
    /// `` `kind = "pie"` with `each-row = true` ``.
    Kind(&'static str, Vec<&'static str>),
    /// An option with its value, unquoted, to open a message: `--scale 9` or `scale = 9`.
    Opening(&'static str, String),
    /// Words that differ by voice.
    Either {
        /// On the command line.
        cli: String,
        /// In a manifest.
        manifest: String,
    },
}

/// A message of text and option parts, rendered by the front end in its voice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message(Vec<Part>);

impl Message {
    /// An empty message.
    pub fn new() -> Message {
        Message(Vec::new())
    }

    /// Appends words.
    pub fn text(mut self, text: impl Into<String>) -> Message {
        self.0.push(Part::Text(text.into()));
        self
    }

    /// Appends an option alone: `--label` / `label`.
    pub fn name(mut self, key: &'static str) -> Message {
        self.0.push(Part::Name(key));
        self
    }

    /// Appends an option with its value: `` `--top 7` `` / `` `top = 7` ``.
    pub fn set(mut self, key: &'static str, value: impl Display) -> Message {
        self.0.push(Part::Set(key, value.to_string()));
        self
    }

    /// Appends an option with a text value, quoted as TOML quotes text:
    /// `` `--decimal ,` `` / `` `decimal = ","` ``.
    pub fn set_text(mut self, key: &'static str, value: impl Display) -> Message {
        self.0.push(Part::SetText(key, value.to_string()));
        self
    }

    /// Appends a switch turned on: `` `--stacked` `` / `` `stacked = true` ``.
    pub fn on(mut self, key: &'static str) -> Message {
        self.0.push(Part::On(key));
        self
    }

    /// Appends a chart kind with switches: `` `sharechart bar --horizontal` `` /
    /// `` `kind = "bar"` with `horizontal = true` ``.
    pub fn kind(mut self, kind: &'static str, switches: &[&'static str]) -> Message {
        self.0.push(Part::Kind(kind, switches.to_vec()));
        self
    }

    /// Appends an option with its value, unquoted, as a message opens: `--scale 9` /
    /// `scale = 9`.
    pub fn opening(mut self, key: &'static str, value: impl Display) -> Message {
        self.0.push(Part::Opening(key, value.to_string()));
        self
    }

    /// Appends words that differ by voice.
    pub fn either(mut self, cli: impl Into<String>, manifest: impl Into<String>) -> Message {
        self.0.push(Part::Either {
            cli: cli.into(),
            manifest: manifest.into(),
        });
        self
    }

    /// Appends another message.
    pub fn then(mut self, other: Message) -> Message {
        self.0.extend(other.0);
        self
    }

    /// The message as `voice` words it.
    pub fn render(&self, voice: Voice) -> String {
        let mut out = String::new();
        for part in &self.0 {
            render_part(&mut out, part, voice);
        }
        out
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::new().text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::new().text(text)
    }
}

fn render_part(out: &mut String, part: &Part, voice: Voice) {
    use std::fmt::Write;
    // Writing into a String cannot fail.
    let _ = match (part, voice) {
        (Part::Text(t), _) => write!(out, "{t}"),
        (Part::Name(k), Voice::Cli) => write!(out, "--{k}"),
        (Part::Name(k), Voice::Manifest) => write!(out, "{k}"),
        (Part::Set(k, v) | Part::SetText(k, v), Voice::Cli) => write!(out, "`--{k} {v}`"),
        (Part::Set(k, v), Voice::Manifest) => write!(out, "`{k} = {v}`"),
        (Part::SetText(k, v), Voice::Manifest) => write!(out, "`{k} = \"{v}\"`"),
        (Part::On(k), Voice::Cli) => write!(out, "`--{k}`"),
        (Part::On(k), Voice::Manifest) => write!(out, "`{k} = true`"),
        (Part::Kind(kind, switches), Voice::Cli) => {
            let _ = write!(out, "`sharechart {kind}");
            for k in switches {
                let _ = write!(out, " --{k}");
            }
            write!(out, "`")
        }
        (Part::Kind(kind, switches), Voice::Manifest) => {
            let _ = write!(out, "`kind = \"{kind}\"`");
            for (i, k) in switches.iter().enumerate() {
                let _ = write!(
                    out,
                    "{}`{k} = true`",
                    if i == 0 { " with " } else { " and " }
                );
            }
            Ok(())
        }
        (Part::Opening(k, v), Voice::Cli) => write!(out, "--{k} {v}"),
        (Part::Opening(k, v), Voice::Manifest) => write!(out, "{k} = {v}"),
        (Part::Either { cli, .. }, Voice::Cli) => write!(out, "{cli}"),
        (Part::Either { manifest, .. }, Voice::Manifest) => write!(out, "{manifest}"),
    };
}

/// An option whose value cannot be used, found before any work is done.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionError {
    /// The option's key (the flag without dashes, the manifest key).
    pub key: &'static str,
    /// The value as given.
    pub value: String,
    /// What is wrong with it.
    pub problem: Message,
    /// How to fix it.
    pub hint: Message,
}

impl OptionError {
    /// "`--scale 9` is out of range / hint: ...", to be worded by the front end.
    pub fn message(&self) -> Message {
        Message::new()
            .opening(self.key, &self.value)
            .text(" ")
            .then(self.problem.clone())
            .text("\n  hint: ")
            .then(self.hint.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_voice_words_options_its_own_way() {
        let m = |m: Message| (m.render(Voice::Cli), m.render(Voice::Manifest));
        assert_eq!(
            m(Message::new().set("top", 7)),
            ("`--top 7`".into(), "`top = 7`".into())
        );
        assert_eq!(
            m(Message::new().on("horizontal")),
            ("`--horizontal`".into(), "`horizontal = true`".into())
        );
        assert_eq!(
            m(Message::new().kind("pie", &["each-row"])),
            (
                "`sharechart pie --each-row`".into(),
                "`kind = \"pie\"` with `each-row = true`".into()
            )
        );
        assert_eq!(
            Message::new().kind("bar", &[]).render(Voice::Manifest),
            "`kind = \"bar\"`"
        );
        assert_eq!(
            m(Message::new().set_text("decimal", ',')),
            ("`--decimal ,`".into(), "`decimal = \",\"`".into())
        );
        assert_eq!(
            m(Message::new().name("value").text(" and ").either("a", "b")),
            ("--value and a".into(), "value and b".into())
        );
        let e = OptionError {
            key: "scale",
            value: "9".into(),
            problem: "is out of range".into(),
            hint: "use a scale from 0.25 to 8".into(),
        };
        assert_eq!(
            e.message().render(Voice::Manifest),
            "scale = 9 is out of range\n  hint: use a scale from 0.25 to 8"
        );
    }
}
