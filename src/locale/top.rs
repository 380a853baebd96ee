//! The note `top` writes when it leaves categories out instead of folding them into "Other"
//! ("10 largest of 57"), in each language of the OIC's members (`{n}` the kept, `{total}` all
//! of them). Kept apart from the rows' [`super::Words`] so that a language is added here by
//! one line; the ranking series, when there are several, follows in brackets ("(2022)").

/// Language code and pattern.
const LARGEST: &[(&str, &str)] = &[
    ("en", "{n} largest of {total}"),
    ("ar", "أكبر {n} من {total}"),
    ("fr", "Les {n} plus grands sur {total}"),
    ("tr", "{total} içinden en büyük {n}"),
    ("fa", "بزرگ‌ترین {n} از {total}"),
    ("ur", "{total} میں سے سب سے بڑے {n}"),
    ("bn", "{total}টির মধ্যে বৃহত্তম {n}টি"),
    ("ms", "{n} terbesar daripada {total}"),
    ("id", "{n} terbesar dari {total}"),
    ("ru", "{n} крупнейших из {total}"),
    ("uz", "{total} tadan eng kattasi {n} tasi"),
    ("kk", "{total} ішінен ең ірі {n}"),
    ("az", "{total} içindən ən böyük {n}"),
    ("ky", "{total} ичинен эң ири {n}"),
    ("tg", "{n} бузургтарин аз {total}"),
    ("tk", "{total} sanydan iň ulusy {n}"),
    ("ps", "له {total} څخه {n} تر ټولو لوی"),
    ("sq", "{n} më të mëdhenjtë nga {total}"),
    ("so", "{n}-ka ugu waaweyn ee {total}"),
    ("ha", "Mafi girma {n} daga cikin {total}"),
    ("dv", "{total} ގެ ތެރެއިން އެންމެ ބޮޑު {n}"),
];

/// "10 largest of 57" in the language `code` (English for one not listed), the counts as
/// written (`n`, `total`), with the series ranked by in brackets when given: "10 largest of
/// 57 (2022)".
pub fn largest(code: Option<&str>, n: &str, total: &str, by: Option<&str>) -> String {
    let pattern = code
        .and_then(|code| LARGEST.iter().find(|(c, _)| *c == code))
        .map_or(LARGEST[0].1, |(_, p)| p);
    let text = pattern.replace("{n}", n).replace("{total}", total);
    match by {
        Some(by) => format!("{text} ({by})"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_language_has_the_note() {
        for code in [
            "ar", "en", "fr", "tr", "fa", "ur", "bn", "ms", "id", "ru", "uz", "kk", "az", "ky",
            "tg", "tk", "ps", "sq", "so", "ha", "dv",
        ] {
            let text = largest(Some(code), "10", "57", None);
            assert!(text.contains("10") && text.contains("57"), "{code}: {text}");
            assert!(
                code == "en" || text != largest(None, "10", "57", None),
                "{code} is English"
            );
        }
        assert_eq!(
            largest(Some("xx"), "3", "9", Some("2022")),
            "3 largest of 9 (2022)"
        );
        assert_eq!(largest(Some("ar"), "5", "57", None), "أكبر 5 من 57");
    }
}
