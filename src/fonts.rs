//! The font compiled into the binary: "Sharechart Sans", Noto Sans and Noto Sans Arabic merged
//! into one font (see `fonts/README.md` for why one font), regular and bold.
//!
//! No font is ever read from the machine, so a chart renders the same everywhere. The font
//! database for resvg and the shaping data for text measurement are each built once per process.

use std::sync::{Arc, LazyLock};

/// Family name of the embedded font.
pub const FAMILY: &str = "Sharechart Sans";
/// The `font-family` value written on every text element: our font, then the fonts it was made
/// from, then the generic family, so a browser without it still draws readable text.
pub const FONT_FAMILY: &str = "Sharechart Sans, Noto Sans, Noto Sans Arabic, sans-serif";

/// Regular weight (OFL-1.1, see `fonts/OFL.txt`).
pub static REGULAR: &[u8] = include_bytes!("../fonts/SharechartSans-Regular.ttf");
/// Bold weight.
pub static BOLD: &[u8] = include_bytes!("../fonts/SharechartSans-Bold.ttf");

/// The font database given to usvg: only the embedded font, with every generic family mapped
/// to it. Parsed once per process and shared between threads.
pub fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: LazyLock<Arc<resvg::usvg::fontdb::Database>> = LazyLock::new(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(REGULAR)));
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(BOLD)));
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    });
    Arc::clone(&DB)
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_weights_are_in_the_database() {
        let db = super::database();
        let faces: Vec<_> = db.faces().collect();
        assert_eq!(faces.len(), 2);
        assert!(
            faces
                .iter()
                .all(|f| f.families.iter().any(|(n, _)| n == super::FAMILY))
        );
    }
}
