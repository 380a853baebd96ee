//! Text for Markdown without raw HTML: every title, label and alt text written to `README.md`
//! goes through [`escape`], and every link through [`link`] with a relative file path that
//! `url` (in the parent module) has already percent-encoded.

/// `s` as Markdown text that renders as exactly `s`: `<`, `>` and `&` become entity references
/// (no HTML tag, autolink or entity can start), and the ASCII punctuation that Markdown gives a
/// meaning to in running text (brackets, parentheses, emphasis, code, headings, tables, images,
/// strike-through, the backslash itself) is backslash-escaped, as are the characters that make
/// GitHub turn bare text into a link (`://`, `www.`, `@`). List and quote markers need no
/// escape: the text never starts a line (it follows `## ` or `[`). Line breaks become spaces (a title is one line); other control
/// characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // GitHub's extended autolinks: `https://...`, `www.` and `a@b.c` would be live links.
            ':' if chars.get(i + 1) == Some(&'/') => out.push_str("\\:"),
            '.' if i >= 3
                && chars[i - 3..i]
                    .iter()
                    .collect::<String>()
                    .eq_ignore_ascii_case("www") =>
            {
                out.push_str("\\.")
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '~' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `[text](target)`: `text` already escaped, `target` a relative path percent-encoded by `url`
/// (only unreserved characters, `/` and `%`: nothing that could end the link or name a scheme).
pub fn link(text: &str, target: &str) -> String {
    format!("[{text}]({target})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)&gt;"
        );
        assert_eq!(escape("[x](javascript:y)"), "\\[x\\]\\(javascript:y\\)");
        assert_eq!(escape("# *a* _b_ `c`"), "\\# \\*a\\* \\_b\\_ \\`c\\`");
        assert_eq!(escape("النفط 76%"), "النفط 76%");
    }

    use proptest::prelude::*;
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    /// What a Markdown reader makes of a heading and an image with `s` as their text: the
    /// heading's text, the image's alt text, every link or image target, and whether any raw
    /// HTML got through.
    fn read(s: &str) -> (String, String, Vec<String>, bool) {
        let md = format!(
            "## {}\n\n!{} {}\n",
            escape(s),
            link(&escape(s), "a.png"),
            link("SVG", "b.svg")
        );
        let (mut heading, mut alt, mut targets, mut html) =
            (String::new(), String::new(), vec![], false);
        let mut at = 0; // 1 in the heading, 2 in the image
        for e in Parser::new(&md) {
            match e {
                Event::Start(Tag::Heading { .. }) => at = 1,
                Event::Start(Tag::Image { dest_url, .. }) => {
                    at = 2;
                    targets.push(dest_url.to_string());
                }
                Event::Start(Tag::Link { dest_url, .. }) => targets.push(dest_url.to_string()),
                Event::End(TagEnd::Heading(_) | TagEnd::Image) => at = 0,
                Event::Text(t) | Event::Code(t) => match at {
                    1 => heading.push_str(&t),
                    2 => alt.push_str(&t),
                    _ => {}
                },
                Event::Html(_) | Event::InlineHtml(_) => html = true,
                _ => {}
            }
        }
        (heading, alt, targets, html)
    }

    proptest! {
        #[test]
        fn hostile_text_stays_text(
            s in "([<>&\\[\\]()*_`#!|~@:/.\\\\ a-z=\"'\n\t-]|javascript:|<img src=x onerror=alert\\(1\\)>|https://x\\.y|www\\.x\\.y|&amp;|النفط){0,12}"
        ) {
            let (heading, alt, targets, html) = read(&s);
            let want: String = s.chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect();
            prop_assert!(!html, "raw HTML in {:?}", escape(&s));
            prop_assert_eq!(targets, vec!["a.png".to_string(), "b.svg".to_string()]);
            prop_assert_eq!(heading, want.trim());
            prop_assert_eq!(alt, want);
        }
    }
}
