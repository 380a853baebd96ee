//! Issue #20's numbers and words, run as real processes: significant digits at every
//! magnitude, compact large numbers in the chart's language, the true minus sign, `--format`,
//! pies that say what they draw, one alt text in every output, no invented title, and the
//! chart's own words in every language of the OIC and its members.

use sharechart::locale::Locale;
use sharechart::options::Lang;

use crate::common::{bin, fills, tempdir, texts, write};

/// The SVG of `kind csv args... -o -`, which must succeed.
fn chart(kind: &str, csv: &str, args: &[&str]) -> String {
    let dir = tempdir();
    let input = write(dir.path(), "data.csv", csv);
    let out = bin()
        .arg(kind)
        .arg(&input)
        .args(args)
        .args(["-o", "-"])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

/// The `<desc>` of an SVG.
fn desc(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string()
}

/// The error of `kind csv args... -o out.svg`, which must fail with `code`.
fn refused(kind: &str, csv: &str, args: &[&str], code: i32) -> String {
    let dir = tempdir();
    let input = write(dir.path(), "data.csv", csv);
    let out = bin()
        .arg(kind)
        .arg(&input)
        .args(args)
        .arg("-o")
        .arg(dir.path().join("c.svg"))
        .assert()
        .code(code);
    assert!(!dir.path().join("c.svg").exists(), "no chart on error");
    String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8")
}

#[test]
fn small_shares_keep_their_significant_digits() {
    let csv = "label,share\nA,0.0001\nB,0.00015\nC,0.0003\n";
    let svg = chart("bar", csv, &["--title", "Small"]);
    let t = texts(&svg);
    for want in ["0.0001%", "0.00015%", "0.0003%"] {
        assert!(t.iter().any(|x| x == want), "no {want}: {t:?}");
    }
    // Ticks too: one every 0.0001%, none collapsed to the same text.
    assert!(t.iter().any(|x| x == "0.0002%"), "{t:?}");
    assert!(!t.iter().any(|x| x == "0.000%"), "{t:?}");
    assert!(desc(&svg).contains("A 0.0001%, B 0.00015%, C 0.0003%"));
}

const POPULATION: &str = "country,population\nIndonesia,277534122\nPakistan,240485658\nNigeria,223804632\nMaldives,521021\n";

#[test]
fn large_numbers_are_compact_in_the_chart_language() {
    let t = texts(&chart("bar", POPULATION, &[]));
    for want in ["278M", "240M", "224M", "521K", "300M", "0"] {
        assert!(t.iter().any(|x| x == want), "no {want}: {t:?}");
    }
    assert!(!t.iter().any(|x| x.contains("277,534,122")), "{t:?}");
    for (lang, want) in [
        ("ar", "278\u{a0}مليون"),
        ("fr", "278\u{a0}M"),
        ("ru", "278\u{a0}млн"),
        ("tr", "278\u{a0}Mn"),
        ("id", "278\u{a0}jt"),
    ] {
        let svg = chart("bar", POPULATION, &["--lang", lang]);
        assert!(texts(&svg).iter().any(|x| x == want), "{lang}: {want}");
        assert!(desc(&svg).contains(want), "{lang}: {}", desc(&svg));
    }
    let ar = texts(&chart(
        "bar",
        POPULATION,
        &["--lang", "ar", "--digits", "arabic"],
    ));
    assert!(ar.iter().any(|x| x == "٢٧٨\u{a0}مليون"), "{ar:?}");
}

#[test]
fn format_sets_decimals_prefix_suffix_and_compact() {
    let t = texts(&chart("bar", POPULATION, &["--format", "compact=off"]));
    assert!(t.iter().any(|x| x == "277,534,122"), "{t:?}");
    let t = texts(&chart(
        "bar",
        POPULATION,
        &["--format", "decimals=1,prefix=~,suffix= people"],
    ));
    assert!(t.iter().any(|x| x == "~277.5M people"), "{t:?}");
    let t = texts(&chart(
        "bar",
        "k,v\nA,1500\nB,2500\n",
        &["--format", "compact=on"],
    ));
    assert!(t.iter().any(|x| x == "2.5K"), "{t:?}");
    // In a manifest, as a table.
    let dir = tempdir();
    write(dir.path(), "p.csv", POPULATION);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"p\"\ninput = \"p.csv\"\nkind = \"bar\"\noutput = [\"p.svg\"]\nformat = { compact = false, prefix = \"#\" }\n",
    );
    bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("p.svg")).expect("written");
    assert!(texts(&svg).iter().any(|x| x == "#277,534,122"));
}

#[test]
fn a_format_that_is_not_one_is_refused_with_a_hint() {
    let e = refused("bar", POPULATION, &["--format", "precision=2"], 2);
    assert!(
        e.contains("\"precision\" is not a part of a number format")
            && e.contains("hint: the parts are decimals, prefix, suffix and compact"),
        "{e}"
    );
    let e = refused("bar", POPULATION, &["--format", "decimals=many"], 2);
    assert!(
        e.contains("decimals=\"many\" is not a number of decimals"),
        "{e}"
    );
    // A prefix no embedded font has is refused as any text is, naming the option.
    let e = refused("bar", POPULATION, &["--format", "prefix=中"], 1);
    assert!(
        e.contains("--format \"prefix=中\": character '中' (U+4E2D) is in none of"),
        "{e}"
    );
    let dir = tempdir();
    write(dir.path(), "p.csv", POPULATION);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"p\"\ninput = \"p.csv\"\nkind = \"bar\"\noutput = [\"p.svg\"]\nformat = { decimals = 12 }\n",
    );
    let out = bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .failure();
    let e = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        e.contains("charts.toml:6:") && e.contains("decimals=12 is more than 10"),
        "{e}"
    );
    assert!(!dir.path().join("p.svg").exists());
}

#[test]
fn negative_numbers_take_a_true_minus_sign() {
    let svg = chart("bar", "year,anomaly\n1880,-0.17\n1881,0.5\n", &[]);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "\u{2212}0.17"), "{t:?}");
    assert!(t.iter().any(|x| x == "\u{2212}0.2"), "a tick: {t:?}");
    assert!(!t.iter().any(|x| x.starts_with('-')), "{t:?}");
    assert!(desc(&svg).contains("1880 \u{2212}0.17"));
}

#[test]
fn computed_means_have_three_significant_digits() {
    let csv = "symbol,price\nGOOG,415.1\nGOOG,416.6\nMSFT,24.7\nMSFT,24.8\n";
    let svg = chart("bar", csv, &["--agg", "mean"]);
    assert!(desc(&svg).contains("GOOG 416, MSFT 25"), "{}", desc(&svg));
    assert!(!svg.contains("415.850"));
}

#[test]
fn pies_draw_no_remainder_within_the_rounding_of_their_shares() {
    let csv = "label,share\nA,45.67\nB,30.12\nC,24.20\n";
    let pie = chart("pie", csv, &[]);
    assert!(!texts(&pie).iter().any(|x| x == "Rest of world"), "{pie}");
    assert!(!fills(&pie).contains(&"#919191".to_string()));
    assert!(!desc(&pie).contains("Rest of world"), "{}", desc(&pie));
    // The data behind the chart has no remainder row either.
    let dir = tempdir();
    write(dir.path(), "p.csv", csv);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"p\"\ninput = \"p.csv\"\nkind = \"pie\"\noutput = [\"p.svg\"]\n",
    );
    bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let data = std::fs::read_to_string(dir.path().join("p.data.csv")).expect("data CSV");
    assert!(!data.contains("Rest of world"), "{data}");
    // A real remainder is drawn and said.
    let pie = chart("pie", "label,share\nA,60\nB,30\n", &[]);
    assert!(texts(&pie).iter().any(|x| x == "Rest of world"));
    assert!(desc(&pie).contains("A 60%, B 30%, Rest of world 10%"));
}

#[test]
fn a_pie_past_100_percent_is_refused_for_its_sum_first() {
    let rows: String = (0..17).map(|i| format!("Country {i},56\n")).collect();
    let e = refused("pie", &format!("label,share\n{rows}"), &[], 1);
    assert!(
        e.contains("the shares add up to 952%, more than 100%"),
        "{e}"
    );
    assert!(!e.contains("too many"), "{e}");
}

/// The PDF's literal string after `key` (`/Alt(`), unescaped.
fn pdf_string(pdf: &[u8], key: &str) -> String {
    let text = String::from_utf8_lossy(pdf);
    let start = text.find(key).expect("key") + key.len();
    let mut out = String::new();
    let (mut depth, mut chars) = (1, text[start..].chars());
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '(' => {
                depth += 1;
                out.push(c);
            }
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[test]
fn one_alt_text_in_every_output_says_what_is_drawn() {
    let dir = tempdir();
    let rows: String = (1..=57)
        .map(|i| format!("Member {i},{}\n", 1000 + i))
        .collect();
    write(dir.path(), "m.csv", format!("member,pilgrims\n{rows}"));
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"m\"\ninput = \"m.csv\"\nkind = \"pie\"\ntop = 7\noutput = [\"m.svg\", \"m.png\", \"m.pdf\"]\n",
    );
    bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let read = |f: &str| std::fs::read(dir.path().join(f)).expect(f);
    let alt = desc(&String::from_utf8(read("m.svg")).expect("UTF-8"));
    // The 7 slices drawn and "Other", largest first, each with its share: not the 57 rows.
    assert!(
        alt.starts_with("Pie chart: pilgrims. Other 87.4% (51,275), Member 57 1.8% (1,057), "),
        "{alt}"
    );
    assert!(alt.ends_with(", Member 51 1.8% (1,051)."), "{alt}");
    assert!(!alt.contains("Member 1 "), "{alt}");
    let png = read("m.png");
    let needle = format!("Description\0\0\0\0\0{alt}");
    assert!(
        png.windows(needle.len()).any(|w| w == needle.as_bytes()),
        "the PNG's Description"
    );
    let pdf = read("m.pdf");
    assert_eq!(pdf_string(&pdf, "/Alt("), alt, "the PDF's alt text");
    let html = String::from_utf8(read("index.html")).expect("UTF-8");
    assert!(html.contains(&format!("alt=\"{alt}\"")), "{html}");
}

#[test]
fn no_title_is_made_up() {
    // From a file named like a title, from standard input, on an Arabic chart: the chart
    // starts with its measure line, which also names it for screen readers.
    let dir = tempdir();
    let input = write(
        dir.path(),
        "la-riots.csv",
        "neighborhood,deaths\nA,3\nB,5\n",
    );
    let out = bin()
        .arg("bar")
        .arg(&input)
        .args(["-o", "-"])
        .assert()
        .success();
    let svg = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert!(!texts(&svg).iter().any(|t| t.contains("riots")), "{svg}");
    assert!(
        svg.contains("<title id=\"sc-title\">deaths</title>"),
        "{svg}"
    );
    let out = bin()
        .args(["bar", "-", "-o", "-"])
        .write_stdin("k,v\nA,1\n")
        .assert()
        .success();
    let svg = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert!(!texts(&svg).iter().any(|t| t == "Chart"), "{svg}");
    let csv = "label,label_ar,share\nDates,التمور,76\n";
    let svg = chart("bar", csv, &["--lang", "ar"]);
    let latin = |t: &String| t.chars().any(|c| c.is_ascii_alphabetic());
    assert!(!texts(&svg).iter().any(latin), "{:?}", texts(&svg));
}

/// The words of `code`'s row.
fn words(code: &str) -> &'static sharechart::locale::Words {
    Locale::of(&code.parse::<Lang>().expect("code")).words()
}

#[test]
fn chart_words_in_every_language_of_the_oic() {
    // Every language of the OIC and its members: "Other" (top), "no data", the source line,
    // the percent unit line, agg's subtitle and compact numbers, drawn with the embedded
    // fonts (the glyph check would refuse a missing one).
    let csv = "country,share\nA,40\nB,30\nC,\nD,10\nE,5\n";
    let counts = "region,amount\nNorth,2000000\nSouth,1500000\nNorth,1\n";
    for code in [
        "ar", "en", "fr", "tr", "fa", "ur", "bn", "ms", "id", "ru", "uz", "kk", "az", "ky", "tg",
        "tk", "ps", "sq", "so", "ha", "dv",
    ] {
        let w = words(code);
        assert!(code == "en" || w.other != "Other", "{code}: English words");
        let svg = chart("bar", csv, &["--lang", code, "--source", "OIC"]);
        let t = texts(&svg).join("\n");
        let source = format!("{}OIC", w.source);
        for want in [w.no_data, source.as_str()] {
            assert!(t.contains(want), "{code}: no {want:?} in {t}");
        }
        if !matches!(
            code,
            "en" | "fr" | "tr" | "ms" | "id" | "uz" | "az" | "tk" | "sq" | "so" | "ha"
        ) {
            assert!(t.contains(w.percent), "{code}: no {:?} in {t}", w.percent);
        }
        assert!(svg.contains(&format!("lang=\"{code}\"")), "{code}");
        let top = texts(&chart("bar", csv, &["--lang", code, "--top", "2"]));
        assert!(top.iter().any(|x| x == w.other), "{code}: no {:?}", w.other);
        let svg = chart("bar", counts, &["--lang", code, "--agg", "sum"]);
        let t = texts(&svg);
        for part in w.agg.of[0]
            .split("{}")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            assert!(
                t.iter().any(|x| x.contains(part)),
                "{code}: {part:?} in {t:?}"
            );
        }
    }
}

#[test]
fn the_report_page_and_the_preview_say_it_the_same_way() {
    // A chart right to left by its labels' script is tagged with it on the report page too.
    let dir = tempdir();
    write(dir.path(), "u.csv", "ملک,حصہ\nپاکستان,24\nایران,9\n");
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"u\"\ninput = \"u.csv\"\nkind = \"bar\"\noutput = [\"u.svg\"]\n",
    );
    bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.path().join("index.html")).expect("page");
    assert!(html.contains("lang=\"und-Arab\" dir=\"rtl\""), "{html}");
    // The terminal preview writes numbers as an English chart does.
    let input = write(dir.path(), "p.csv", POPULATION);
    let out = bin().arg("preview").arg(&input).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains(" 278M\n") && text.contains(" 521K\n"),
        "{text}"
    );
}
