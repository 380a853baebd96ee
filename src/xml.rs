//! Escaping text for XML and HTML: the SVG's `<title>` and `<desc>`, the report page's
//! attributes and captions. One set of rules, safe both as text content and inside a
//! double-quoted attribute value.

/// Appends `s` to `out`, escaped for XML text content and double-quoted attribute values.
///
/// `&`, `<`, `>` and `"` become entity references. `'` is left as it is: it needs escaping only
/// inside single-quoted attributes, which sharechart never writes (and escaping it would change
/// every committed chart with an apostrophe in its title). Control characters (tab and newline
/// included: an XML parser would turn them into spaces in an attribute, and text shown to people
/// is already folded by [`crate::text::clean`]) and the noncharacters U+FFFE and U+FFFF, which XML
/// cannot carry, are dropped.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
}

/// `s` escaped as [`escape_into`] does, as a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("<\"&>"), "&lt;&quot;&amp;&gt;");
        assert_eq!(escape("The OIC's weight"), "The OIC's weight");
        assert_eq!(escape("a\u{0}b\tc\nd\u{85}e\u{FFFE}"), "abcde");
        assert_eq!(escape("النفط &amp; 76%"), "النفط &amp;amp; 76%");
    }

    /// What an XML parser gives back for `s` written as text content and as an attribute value.
    fn parsed_back(s: &str) -> (String, String) {
        let escaped = escape(s);
        let xml = format!("<r a=\"{escaped}\">{escaped}</r>");
        let doc = roxmltree::Document::parse(&xml).expect("escaped text is well-formed XML");
        let root = doc.root_element();
        let attr = root.attribute("a").unwrap_or_default().to_string();
        (attr, root.text().unwrap_or_default().to_string())
    }

    proptest! {
        #[test]
        fn escaped_text_parses_back_to_the_original(
            s in "[&<>\"'; a-zA-Z0-9#\\x00-\\x1f\\x7f-\\u{9f}نא\\u{2067}\\u{2069}\\u{FEFF}\\u{FFFE}\\u{FFFF}]{0,40}"
        ) {
            let kept: String = s
                .chars()
                .filter(|&c| !c.is_control() && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
                .collect();
            prop_assert_eq!(parsed_back(&s), (kept.clone(), kept));
        }

        #[test]
        fn any_printable_text_parses_back_unchanged(s in "\\PC{0,60}") {
            let s: String = s.chars().filter(|&c| !matches!(c, '\u{FFFE}' | '\u{FFFF}')).collect();
            prop_assert_eq!(parsed_back(&s), (s.clone(), s));
        }
    }
}
