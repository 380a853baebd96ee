//! Text helpers that need no font: the direction of a text from the Unicode bidi data, bidi
//! isolation, and cleaning. Measuring and wrapping, which need the chart's fonts, are in
//! `layout::measure`.

use unicode_bidi::{BidiClass, bidi_class};

/// True for Arabic letters: bidi class AL ("Arabic letter") in the Unicode data, which also
/// covers the letters of the other scripts written like Arabic (Syriac, Thaana). Arabic-Indic
/// digits are numbers (class AN), not letters.
pub fn is_arabic(c: char) -> bool {
    bidi_class(c) == BidiClass::AL
}

/// True for characters with a strong right-to-left direction: bidi class R (Hebrew, N'Ko and
/// other right-to-left scripts) or AL (Arabic letters).
fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True if the text contains any right-to-left letter (bidi class R or AL).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_strong_rtl)
}

/// The direction of a chart without a language: right to left when most labels that have a
/// direction start with a right-to-left letter (the first strong character of the Unicode
/// bidi data, rules P2 and P3), with the title deciding a tie or a chart of bare numbers.
pub fn labels_rtl<'a>(labels: impl IntoIterator<Item = &'a str>, title: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for label in labels {
        match unicode_bidi::get_base_direction(label) {
            unicode_bidi::Direction::Rtl => rtl += 1,
            unicode_bidi::Direction::Ltr => ltr += 1,
            unicode_bidi::Direction::Mixed => {}
        }
    }
    match rtl.cmp(&ltr) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            unicode_bidi::get_base_direction(title) == unicode_bidi::Direction::Rtl
        }
    }
}

/// True if the text holds an Arabic number with its punctuation: a separator that is an Arabic
/// number but not a digit (`٫`, `٬`), or a sign right after an Arabic digit (`٪`: rule W5 joins
/// such a sign to European digits only, so where it is drawn depends on the paragraph).
/// Plain runs of Arabic-Indic digits read the same in either direction and do not count.
fn has_arabic_number_sign(text: &str) -> bool {
    let mut after_an = false;
    text.chars().any(|c| {
        let class = bidi_class(c);
        let sign = match class {
            BidiClass::AN => !c.is_numeric(),
            BidiClass::ET => after_an,
            _ => false,
        };
        after_an = class == BidiClass::AN;
        sign
    })
}

/// Wraps right-to-left text in a right-to-left isolate (U+2067 ... U+2069).
///
/// usvg lays out every `<text>` as a left-to-right paragraph, so a mixed label such as
/// "نفط خام 2024" would come out in English order. The isolate gives the run the right base
/// direction in resvg and in browsers alike. Text is isolated when its first strong character is
/// right to left (rules P2 and P3 of the bidi algorithm), or when it is in a right-to-left chart
/// and holds any right-to-left letter or an Arabic number with its punctuation ("٧٦٪").
pub fn isolate(text: &str, rtl_chart: bool) -> String {
    let first_strong_rtl = unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl;
    if first_strong_rtl || (rtl_chart && (has_rtl(text) || has_arabic_number_sign(text))) {
        format!("\u{2067}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// True for a digit the bidi algorithm reads as an Arabic number (Arabic-Indic digits and
/// separators, class AN), as opposed to European numbers (class EN: 0-9, and the Extended
/// Arabic-Indic digits of Persian and Urdu).
fn is_arabic_number(c: char) -> bool {
    bidi_class(c) == BidiClass::AN
}

/// Each number of right-to-left running text (a title, a note: text with a right-to-left
/// letter) wrapped in an isolate, with its sign, separators and percent sign, so that it reads
/// as the same number drawn alone reads (a bar's label): "69%" and not "%69".
///
/// Without it, the bidi algorithm reads European digits after an Arabic letter as Arabic
/// numbers (rule W2), so the percent sign of «تمتلك 69%» is not joined to them (rule W5) and
/// lands on the digits' left, while the bar labelled "69%" has it on the right. A number of
/// European digits is isolated left to right (U+2066), as it reads alone; one of Arabic-Indic
/// digits right to left (U+2067), as [`isolate`] draws it alone in a right-to-left chart.
pub fn isolate_numbers(text: &str) -> String {
    if !has_rtl(text) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_numeric());
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        // A number starts at a digit, or at a sign right before one: "~25%" and "−3" (after
        // the و of «و~25%» too), "-3" after no letter or digit (not the hyphen of "COVID-19").
        let about = matches!(chars[i], '~' | '≈' | '\u{2212}');
        let minus = matches!(chars[i], '-' | '+') && (i == 0 || !chars[i - 1].is_alphanumeric());
        let sign = (about || minus) && digit(i + 1);
        if !(digit(i) || sign) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            let c = chars.get(i).copied();
            let separator = matches!(
                c,
                Some('.' | ',' | '\u{066B}' | '\u{066C}' | '\u{202F}' | '\u{00A0}' | '\'')
            );
            if c.is_some_and(char::is_numeric) || (separator && digit(i + 1)) {
                i += 1;
            } else {
                break;
            }
        }
        // Its percent (or per mille) sign, maybe after a narrow no-break space.
        let space = matches!(chars.get(i), Some('\u{202F}' | '\u{00A0}'));
        let at = if space { i + 1 } else { i };
        if matches!(
            chars.get(at),
            Some('%' | '\u{066A}' | '\u{2030}' | '\u{0609}')
        ) {
            i = at + 1;
        }
        let number: String = chars[start..i].iter().collect();
        // Already isolated (a map's class label): once is enough.
        if start > 0 && matches!(chars[start - 1], '\u{2066}' | '\u{2067}' | '\u{2068}') {
            out.push_str(&number);
            continue;
        }
        let open = if number.chars().any(is_arabic_number) {
            '\u{2067}'
        } else {
            '\u{2066}'
        };
        out.push(open);
        out.push_str(&number);
        out.push('\u{2069}');
    }
    out
}

/// Removes control characters (plotters writes them raw, which makes the SVG invalid XML)
/// and folds runs of white space into one space.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_control() || is_bidi_control(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// True when two names are the same words, whatever the case and the spaces around and
/// between them: how a name given in an option (`highlight`, `color`) finds a label.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (clean(a), clean(b));
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// The `n` candidates nearest to `query` in edit distance (case folded), nearest first: the
/// names a hint offers for a name that matched none.
pub fn nearest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let q: Vec<char> = query.to_lowercase().chars().collect();
    let mut scored: Vec<(usize, usize, &str)> = Vec::new();
    for (i, c) in candidates.into_iter().enumerate() {
        if scored.iter().any(|s| s.2 == c) {
            continue;
        }
        let folded: Vec<char> = c.to_lowercase().chars().collect();
        scored.push((edit_distance(&q, &folded), i, c));
    }
    scored.sort_unstable();
    scored.into_iter().take(n).map(|s| s.2).collect()
}

/// Levenshtein distance between two strings of characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != cb));
            diag = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_names_first_and_names_match_loosely() {
        let names = ["Egypt", "Estonia", "Yemen", "Iraq", "Egypt"];
        assert_eq!(nearest("Egpyt", names, 2), ["Egypt", "Yemen"]);
        assert_eq!(nearest("iraq", names, 1), ["Iraq"]);
        assert!(same_name(" production ", "Production"));
        assert!(same_name("Natural  gas", "natural gas"));
        assert!(!same_name("Oil", "Oils"));
    }

    #[test]
    fn isolate_numbers_leaves_an_isolated_number_as_it_is() {
        let once = isolate_numbers("أقل من 10%");
        assert_eq!(once, "أقل من \u{2066}10%\u{2069}");
        assert_eq!(isolate_numbers(&once), once);
    }

    #[test]
    fn isolate_wraps_arabic_first_text_only() {
        assert_eq!(isolate("Oil", false), "Oil");
        assert_eq!(isolate("النفط 2024", false), "\u{2067}النفط 2024\u{2069}");
        assert_eq!(isolate("Oil النفط", false), "Oil النفط");
        assert_eq!(isolate("Oil النفط", true), "\u{2067}Oil النفط\u{2069}");
    }

    #[test]
    fn direction_comes_from_the_unicode_bidi_data() {
        // Neither a byte-order mark nor a combining mark alone gives a direction.
        for not_rtl in [
            "\u{FEFF}", "\u{064E}", "\u{0301}", "2024", "٢٠٢٤", "Oil", "76%",
        ] {
            assert!(!has_rtl(not_rtl), "{not_rtl:?}");
            assert_eq!(isolate(not_rtl, false), not_rtl, "{not_rtl:?}");
        }
        // Thaana, Syriac, N'Ko, Hebrew and Arabic are right to left.
        for rtl in [
            "\u{0780}\u{0781}",
            "\u{0710}\u{0712}",
            "\u{07CA}\u{07CB}",
            "שלום",
            "نفط",
        ] {
            assert!(has_rtl(rtl), "{rtl:?}");
            assert_eq!(
                isolate(rtl, false),
                format!("\u{2067}{rtl}\u{2069}"),
                "{rtl:?}"
            );
        }
        // The first strong character decides; marks and digits before it do not.
        assert_eq!(isolate("\u{FEFF}Oil نفط", false), "\u{FEFF}Oil نفط");
        assert_eq!(
            isolate("12 \u{0301}שלום", false),
            "\u{2067}12 \u{0301}שלום\u{2069}"
        );
        assert!(is_arabic('ن') && !is_arabic('\u{0660}') && !is_arabic('\u{FEFF}'));
    }

    #[test]
    fn arabic_numbers_with_punctuation_are_isolated_in_rtl_charts() {
        for signed in ["٧٦٪", "٤٣٫٥", "١٠٢٬٣٤٧", "٠٪"] {
            assert_eq!(isolate(signed, true), format!("\u{2067}{signed}\u{2069}"));
            assert_eq!(isolate(signed, false), signed);
        }
        for plain in ["٧٦", "-٥", "76%", "2024"] {
            assert_eq!(isolate(plain, true), plain);
        }
    }

    #[test]
    fn numbers_in_right_to_left_running_text_are_isolated() {
        let (l, r, p) = ('\u{2066}', '\u{2067}', '\u{2069}');
        assert_eq!(
            isolate_numbers("تمتلك 69% من الاحتياطي"),
            format!("تمتلك {l}69%{p} من الاحتياطي")
        );
        assert_eq!(
            isolate_numbers("تنتج ٨٠٪ من المطاط و~25% في 2025"),
            format!("تنتج {r}٨٠٪{p} من المطاط و{l}~25%{p} في {l}2025{p}")
        );
        assert_eq!(
            isolate_numbers("أكثر من 102,347 كم و12,5\u{202F}% و−3"),
            format!("أكثر من {l}102,347{p} كم و{l}12,5\u{202F}%{p} و{l}−3{p}")
        );
        // Text without a right-to-left letter, and a hyphen inside a word, stay as they are.
        assert_eq!(isolate_numbers("69% of oil"), "69% of oil");
        assert_eq!(isolate_numbers("كوفيد-19"), format!("كوفيد-{l}19{p}"));
    }

    #[test]
    fn clean_removes_controls_and_folds_space() {
        assert_eq!(clean(" a\u{0}b\t\n c  "), "ab c");
    }
}
