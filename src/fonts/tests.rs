use super::*;

#[test]
fn every_embedded_face_is_in_the_database() {
    let db = Fonts::default().set(&[]).expect("embedded").database();
    let faces: Vec<_> = db.faces().collect();
    assert_eq!(faces.len(), EMBEDDED.len());
    for (f, e) in faces.iter().zip(&EMBEDDED) {
        assert!(
            f.families.iter().any(|(n, _)| n == e.family),
            "{}",
            e.family
        );
        assert_eq!(f.weight.0, e.weight, "{}", e.family);
    }
}

#[test]
fn each_script_is_drawn_with_its_family() {
    let set = Fonts::default().set(&[]).expect("embedded");
    for (text, css) in [
        ("Oil 2024 %", FONT_FAMILY),
        ("النفط ٪", ARABIC_FONT_FAMILY),
        ("\u{2067}الدول تمتلك 69% من\u{2069}", ARABIC_FONT_FAMILY),
        ("Қазақстан", FONT_FAMILY),
        ("বাংলাদেশ 2024", EMBEDDED[2].css),
        ("ދިވެހިރާއްޖެ", EMBEDDED[4].css),
        ("ⵜⴰⵎⴰⵣⵉⵖⵜ (Tamazight)", EMBEDDED[6].css),
    ] {
        assert_eq!(set.css(text), css, "{text}");
        assert!(set.advance_em(text, false) > 1.0, "{text}");
        assert!(set.advance_em(text, true) > 1.0, "{text}");
    }
    assert!(!set.covers('中'));
    assert!(set.covers('\u{2067}') && set.covers('ə'));
}

#[test]
fn sets_of_one_build_share_their_widths_and_builds_do_not() {
    let fonts = Fonts::default();
    let a = fonts.set(&[]).expect("embedded");
    let b = fonts.set(&[]).expect("embedded");
    a.advance_em("Rubber", false);
    assert!(Arc::ptr_eq(&a.0.widths, &b.0.widths));
    let other = Fonts::default().set(&[]).expect("embedded");
    assert!(!Arc::ptr_eq(&a.0.widths, &other.0.widths));
    assert!(other.0.widths.lock().expect("lock")[0].is_empty());
}
