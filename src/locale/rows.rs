//! The rows of the locale table: one per language (or per group of languages that sharechart
//! treats alike, such as the Arabic vernaculars). A new language is one row here.
//!
//! The words of the OIC's languages (Arabic, English, French) and of its members' (Turkish,
//! Persian, Urdu, Bengali, Malay, Indonesian, Russian, Uzbek, Kazakh, Azerbaijani, Kyrgyz,
//! Tajik, Turkmen, Pashto, Albanian, Somali, Hausa, Dhivehi). "Other" follows CLDR's
//! `characterLabels` where it has a word that fits a chart; "Percent" CLDR's unit name; the
//! rest is written here (the CHANGELOG lists the words a native speaker should check). Every
//! word is in the embedded fonts: a test draws every row's words through the glyph check.

use super::Percent::{After, AfterSpace, Before};
use super::Script::{Arabic, Bengali, Cyrillic, Latin, Thaana, Unknown};
use super::{AggWords, Locale, NBSP, NNBSP, NumberStyle, Percent, Script, Words};

/// English words.
pub const EN: Words = Words {
    source: "Source: ",
    other: "Other",
    rest: "Rest of world",
    percent: "Percent (%)",
    no_data: "no data",
    about: "about",
    largest: "{n} largest of {total}",
    values_in_percent: "Values in %",
    comma: ", ",
    agg: AggWords {
        count: "Count of rows by {}",
        of: ["Sum of {}", "Mean of {}", "Minimum of {}", "Maximum of {}"],
        quotes: None,
    },
};
const AR: Words = Words {
    source: "المصدر: ",
    other: "أخرى",
    rest: "بقية العالم",
    percent: "النسبة المئوية (%)",
    no_data: "لا بيانات",
    about: "حوالي",
    largest: "أكبر {n} من {total}",
    values_in_percent: "القيم بالنسبة المئوية (%)",
    comma: "، ",
    agg: AggWords {
        count: "عدد الصفوف حسب {}",
        of: ["مجموع {}", "متوسط {}", "أدنى {}", "أعلى {}"],
        quotes: Some(("«", "»")),
    },
};
const FR: Words = Words {
    source: "Source\u{202F}: ",
    other: "Autres",
    rest: "Reste du monde",
    percent: "Pourcentage (%)",
    no_data: "pas de données",
    about: "environ",
    largest: "Les {n} plus grands sur {total}",
    values_in_percent: "Valeurs en %",
    comma: ", ",
    // A colon rather than "Somme de", which would need "d'" before a vowel.
    agg: AggWords {
        count: "Nombre de lignes par {}",
        of: ["Somme : {}", "Moyenne : {}", "Minimum : {}", "Maximum : {}"],
        quotes: Some(("«\u{202F}", "\u{202F}»")),
    },
};
const TR: Words = Words {
    source: "Kaynak: ",
    other: "Diğer",
    rest: "Dünyanın geri kalanı",
    percent: "Yüzde (%)",
    no_data: "veri yok",
    about: "yaklaşık",
    largest: "{total} içinden en büyük {n}",
    values_in_percent: "Değerler yüzde olarak (%)",
    comma: ", ",
    // "Toplam", "ortalama", "en düşük" stand before any noun unchanged ("toplam nüfus").
    agg: AggWords {
        count: "{} bazında satır sayısı",
        of: ["Toplam {}", "Ortalama {}", "En düşük {}", "En yüksek {}"],
        quotes: Some(("“", "”")),
    },
};
const FA: Words = Words {
    source: "منبع: ",
    other: "سایر",
    rest: "بقیه جهان",
    percent: "درصد (%)",
    no_data: "بدون داده",
    about: "حدود",
    largest: "بزرگ‌ترین {n} از {total}",
    values_in_percent: "مقادیر به درصد (%)",
    comma: "، ",
    agg: AggWords {
        count: "تعداد ردیف‌ها بر حسب {}",
        of: ["مجموع {}", "میانگین {}", "کمینه {}", "بیشینه {}"],
        quotes: Some(("«", "»")),
    },
};
const UR: Words = Words {
    source: "ماخذ: ",
    other: "دیگر",
    rest: "باقی دنیا",
    percent: "فیصد (%)",
    no_data: "کوئی ڈیٹا نہیں",
    about: "تقریباً",
    largest: "{total} میں سے سب سے بڑے {n}",
    values_in_percent: "اقدار فیصد میں (%)",
    comma: "، ",
    agg: AggWords {
        count: "{} کے لحاظ سے قطاروں کی تعداد",
        of: [
            "{} کا مجموعہ",
            "{} کا اوسط",
            "{} کی کم سے کم قدر",
            "{} کی زیادہ سے زیادہ قدر",
        ],
        quotes: Some(("“", "”")),
    },
};
const BN: Words = Words {
    source: "উৎস: ",
    other: "অন্যান্য",
    rest: "বিশ্বের বাকি অংশ",
    percent: "শতাংশ (%)",
    no_data: "তথ্য নেই",
    about: "প্রায়",
    largest: "{total}টির মধ্যে বৃহত্তম {n}টি",
    values_in_percent: "মানগুলি শতাংশে (%)",
    comma: ", ",
    agg: AggWords {
        count: "{} অনুযায়ী সারির সংখ্যা",
        of: ["{} এর যোগফল", "{} এর গড়", "{} এর সর্বনিম্ন", "{} এর সর্বোচ্চ"],
        quotes: Some(("“", "”")),
    },
};
const MS: Words = Words {
    source: "Sumber: ",
    other: "Lain-lain",
    rest: "Negara lain",
    percent: "Peratus (%)",
    no_data: "tiada data",
    about: "kira-kira",
    largest: "{n} terbesar daripada {total}",
    values_in_percent: "Nilai dalam %",
    comma: ", ",
    agg: AggWords {
        count: "Bilangan baris mengikut {}",
        of: ["Jumlah {}", "Purata {}", "Minimum {}", "Maksimum {}"],
        quotes: Some(("“", "”")),
    },
};
const ID: Words = Words {
    source: "Sumber: ",
    other: "Lainnya",
    rest: "Negara lain",
    percent: "Persentase (%)",
    no_data: "tidak ada data",
    about: "sekitar",
    largest: "{n} terbesar dari {total}",
    values_in_percent: "Nilai dalam %",
    comma: ", ",
    agg: AggWords {
        count: "Jumlah baris menurut {}",
        of: ["Total {}", "Rata-rata {}", "Minimum {}", "Maksimum {}"],
        quotes: Some(("“", "”")),
    },
};
const RU: Words = Words {
    source: "Источник: ",
    other: "Другие",
    rest: "Остальной мир",
    percent: "Процент (%)",
    no_data: "нет данных",
    about: "около",
    largest: "{n} крупнейших из {total}",
    values_in_percent: "Значения в %",
    comma: ", ",
    // A colon (and "по столбцу") rather than a case ending the column's name cannot take.
    agg: AggWords {
        count: "Число строк по столбцу {}",
        of: ["Сумма: {}", "Среднее: {}", "Минимум: {}", "Максимум: {}"],
        quotes: Some(("«", "»")),
    },
};
const UZ: Words = Words {
    source: "Manba: ",
    other: "Boshqalar",
    rest: "Dunyoning qolgan qismi",
    percent: "Foiz (%)",
    no_data: "maʼlumot yoʻq",
    about: "taxminan",
    largest: "{total} tadan eng kattasi {n} tasi",
    values_in_percent: "Qiymatlar foizda (%)",
    comma: ", ",
    agg: AggWords {
        count: "{} boʻyicha qatorlar soni",
        of: [
            "Jami: {}",
            "Oʻrtacha: {}",
            "Eng kichik: {}",
            "Eng katta: {}",
        ],
        quotes: Some(("“", "”")),
    },
};
const KK: Words = Words {
    source: "Дереккөз: ",
    other: "Басқалар",
    rest: "Әлемнің қалған бөлігі",
    percent: "Пайыз (%)",
    no_data: "дерек жоқ",
    about: "шамамен",
    largest: "{total} ішінен ең ірі {n}",
    values_in_percent: "Мәндер пайызбен (%)",
    comma: ", ",
    agg: AggWords {
        count: "{} бойынша жолдар саны",
        of: ["Жиыны: {}", "Орташа: {}", "Ең кіші: {}", "Ең үлкен: {}"],
        quotes: Some(("«", "»")),
    },
};
const AZ: Words = Words {
    source: "Mənbə: ",
    other: "Digər",
    rest: "Dünyanın qalan hissəsi",
    percent: "Faiz (%)",
    no_data: "məlumat yoxdur",
    about: "təxminən",
    largest: "{total} içindən ən böyük {n}",
    values_in_percent: "Dəyərlər faizlə (%)",
    comma: ", ",
    agg: AggWords {
        count: "{} üzrə sətirlərin sayı",
        of: ["Cəmi: {}", "Orta: {}", "Minimum: {}", "Maksimum: {}"],
        quotes: Some(("“", "”")),
    },
};
const KY: Words = Words {
    source: "Булак: ",
    other: "Башкалар",
    rest: "Дүйнөнүн калган бөлүгү",
    percent: "Пайыз (%)",
    no_data: "маалымат жок",
    about: "болжол менен",
    largest: "{total} ичинен эң ири {n}",
    values_in_percent: "Маанилер пайыз менен (%)",
    comma: ", ",
    agg: AggWords {
        count: "{} боюнча саптардын саны",
        of: ["Жалпы: {}", "Орточо: {}", "Эң аз: {}", "Эң көп: {}"],
        quotes: Some(("«", "»")),
    },
};
const TG: Words = Words {
    source: "Манбаъ: ",
    other: "Дигарон",
    rest: "Боқимондаи ҷаҳон",
    percent: "Фоиз (%)",
    no_data: "маълумот нест",
    about: "тақрибан",
    largest: "{n} бузургтарин аз {total}",
    values_in_percent: "Қиматҳо бо фоиз (%)",
    comma: ", ",
    agg: AggWords {
        count: "Шумораи сатрҳо аз рӯи {}",
        of: ["Ҷамъ: {}", "Миёна: {}", "Ҳадди ақал: {}", "Ҳадди аксар: {}"],
        quotes: Some(("«", "»")),
    },
};
const TK: Words = Words {
    source: "Çeşme: ",
    other: "Beýlekiler",
    rest: "Dünýäniň galan bölegi",
    percent: "Göterim (%)",
    no_data: "maglumat ýok",
    about: "takmynan",
    largest: "{total} sanydan iň ulusy {n}",
    values_in_percent: "Bahalar göterimde (%)",
    comma: ", ",
    agg: AggWords {
        count: "{} boýunça setirleriň sany",
        of: ["Jemi: {}", "Ortaça: {}", "Iň az: {}", "Iň köp: {}"],
        quotes: Some(("“", "”")),
    },
};
const PS: Words = Words {
    source: "سرچینه: ",
    other: "نور",
    rest: "پاتې نړۍ",
    percent: "سلنه (%)",
    no_data: "معلومات نشته",
    about: "نږدې",
    largest: "له {total} څخه {n} تر ټولو لوی",
    values_in_percent: "ارزښتونه په سلنه (%)",
    comma: "، ",
    agg: AggWords {
        count: "د {} له مخې د کتارونو شمېر",
        of: [
            "د {} مجموعه",
            "د {} اوسط",
            "د {} لږ تر لږه",
            "د {} ډېر تر ډېره",
        ],
        quotes: Some(("«", "»")),
    },
};
const SQ: Words = Words {
    source: "Burimi: ",
    other: "Të tjerë",
    rest: "Pjesa tjetër e botës",
    percent: "Përqindja (%)",
    no_data: "pa të dhëna",
    about: "rreth",
    largest: "{n} më të mëdhenjtë nga {total}",
    values_in_percent: "Vlerat në përqindje (%)",
    comma: ", ",
    agg: AggWords {
        count: "Numri i rreshtave sipas {}",
        of: [
            "Shuma: {}",
            "Mesatarja: {}",
            "Minimumi: {}",
            "Maksimumi: {}",
        ],
        quotes: Some(("“", "”")),
    },
};
const SO: Words = Words {
    source: "Xigasho: ",
    other: "Kuwo kale",
    rest: "Inta kale ee adduunka",
    percent: "Boqolkiiba (%)",
    no_data: "xog ma jirto",
    about: "qiyaastii",
    largest: "{n}-ka ugu waaweyn ee {total}",
    values_in_percent: "Qiimayaasha boqolkiiba (%)",
    comma: ", ",
    agg: AggWords {
        count: "Tirada safafka marka loo eego {}",
        of: ["Wadarta {}", "Celceliska {}", "Ugu yar {}", "Ugu badan {}"],
        quotes: Some(("“", "”")),
    },
};
const HA: Words = Words {
    source: "Majiya: ",
    other: "Sauransu",
    rest: "Sauran duniya",
    percent: "Kaso (%)",
    no_data: "babu bayani",
    about: "kusan",
    largest: "Mafi girma {n} daga cikin {total}",
    values_in_percent: "Ƙimomi a cikin kaso (%)",
    comma: ", ",
    agg: AggWords {
        count: "Yawan layuka bisa ga {}",
        of: [
            "Jimillar {}",
            "Matsakaicin {}",
            "Mafi ƙanƙanta na {}",
            "Mafi girma na {}",
        ],
        quotes: Some(("“", "”")),
    },
};
const DV: Words = Words {
    source: "މަސްދަރު: ",
    other: "އެހެނިހެން",
    rest: "ދުނިޔޭގެ ބާކީ ބައި",
    percent: "އިންސައްތަ (%)",
    no_data: "މައުލޫމާތު ނެތް",
    about: "ގާތްގަނޑަކަށް",
    largest: "{total} ގެ ތެރެއިން އެންމެ ބޮޑު {n}",
    values_in_percent: "އަދަދުތައް އިންސައްތައިން (%)",
    comma: "، ",
    agg: AggWords {
        count: "{} ގެ ދަށުން ލައިނުތަކުގެ އަދަދު",
        of: ["{} ގެ ޖުމްލަ", "{} ގެ އެވަރެޖް", "{} ގެ އެންމެ ކުޑަ", "{} ގެ އެންމެ ބޮޑު"],
        quotes: Some(("“", "”")),
    },
};

/// 1,207.5 and 12.9%.
const POINT: NumberStyle = style('.', ',', After);
/// 1.207,5 and 12,9 %.
const COMMA_DOT_SPACED: NumberStyle = style(',', '.', AfterSpace(NBSP));
/// 1 207,5 and 12,9 %.
const COMMA_SPACE_SPACED: NumberStyle = style(',', NBSP, AfterSpace(NBSP));
/// 1.207,5 and 12,9%.
const COMMA_DOT: NumberStyle = style(',', '.', After);
/// 1 207,5 and 12,9%.
const COMMA_SPACE: NumberStyle = style(',', NBSP, After);

const fn style(decimal: char, group: char, percent: Percent) -> NumberStyle {
    NumberStyle {
        decimal,
        group,
        percent,
    }
}

/// A row with English words and numbers, before what sets it apart.
const fn row(codes: &'static [&'static str], script: Script) -> Locale {
    Locale {
        codes,
        own_words: None,
        number: POINT,
        native: None,
        script,
        rtl: false,
    }
}

impl Locale {
    const fn words_(mut self, words: &'static Words) -> Locale {
        self.own_words = Some(words);
        self
    }
    const fn number_(mut self, number: NumberStyle) -> Locale {
        self.number = number;
        self
    }
    /// Arabic-Indic (U+0660), Extended Arabic-Indic (U+06F0) or Bengali (U+09E6) digits.
    const fn digits_(mut self, zero: u32) -> Locale {
        self.native = Some(zero);
        self
    }
    const fn rtl_(mut self) -> Locale {
        self.rtl = true;
        self
    }
}

/// Languages not in the table.
pub const DEFAULT: Locale = row(&[], Unknown);

/// Every language sharechart knows something of.
pub const ROWS: &[Locale] = &[
    row(&["en"], Latin).words_(&EN),
    row(&["ar"], Arabic).words_(&AR).digits_(0x0660).rtl_(),
    // Arabic's vernaculars and Kurdish Sorani: Arabic-Indic digits, English words.
    row(
        &[
            "arz", "ary", "arq", "aeb", "acm", "apc", "ajp", "afb", "ckb",
        ],
        Arabic,
    )
    .digits_(0x0660)
    .rtl_(),
    row(&["fa", "prs", "pes"], Arabic)
        .words_(&FA)
        .digits_(0x06F0)
        .rtl_(),
    row(&["ur"], Arabic).words_(&UR).digits_(0x06F0).rtl_(),
    row(&["ps", "pbt"], Arabic)
        .words_(&PS)
        .number_(COMMA_DOT)
        .digits_(0x06F0)
        .rtl_(),
    // Sindhi, Kashmiri, Saraiki, Punjabi (Shahmukhi), Balochi, South Azerbaijani and the
    // Iranian languages written in the Persian alphabet.
    row(
        &[
            "sd", "ks", "skr", "pnb", "bal", "azb", "glk", "mzn", "lrc", "bqi",
        ],
        Arabic,
    )
    .digits_(0x06F0)
    .rtl_(),
    row(&["dv"], Thaana).words_(&DV).rtl_(),
    // Uyghur, Hebrew, Yiddish, Syriac, Aramaic, N'Ko: right to left, scripts not told apart
    // here.
    row(&["ug", "he", "iw", "yi", "syr", "arc", "nqo"], Unknown).rtl_(),
    row(&["bn"], Bengali).words_(&BN).digits_(0x09E6),
    row(&["as"], Bengali).digits_(0x09E6),
    row(&["fr"], Latin)
        .words_(&FR)
        .number_(style(',', NNBSP, AfterSpace(NNBSP))),
    row(&["tr"], Latin)
        .words_(&TR)
        .number_(style(',', '.', Before)),
    row(&["ru"], Cyrillic)
        .words_(&RU)
        .number_(COMMA_SPACE_SPACED),
    row(&["kk"], Cyrillic)
        .words_(&KK)
        .number_(COMMA_SPACE_SPACED),
    row(&["ky"], Cyrillic)
        .words_(&KY)
        .number_(COMMA_SPACE_SPACED),
    row(&["tg"], Cyrillic).words_(&TG).number_(COMMA_SPACE),
    row(&["id"], Latin).words_(&ID).number_(COMMA_DOT),
    row(&["az"], Latin).words_(&AZ).number_(COMMA_DOT),
    row(&["uz"], Latin).words_(&UZ).number_(COMMA_SPACE),
    row(&["tk"], Latin).words_(&TK).number_(COMMA_SPACE),
    row(&["sq"], Latin).words_(&SQ).number_(COMMA_SPACE),
    row(&["ms"], Latin).words_(&MS),
    row(&["so"], Latin).words_(&SO),
    row(&["ha"], Latin).words_(&HA),
    row(&["de", "es", "da", "ro"], Latin).number_(COMMA_DOT_SPACED),
    row(&["uk", "be"], Cyrillic).number_(COMMA_SPACE_SPACED),
    row(&["cs", "sk", "sv", "fi", "nb", "no"], Latin).number_(COMMA_SPACE_SPACED),
    row(&["it", "pt", "nl", "bs", "hr"], Latin).number_(COMMA_DOT),
    row(&["sl", "mk"], Latin).number_(COMMA_DOT_SPACED),
    row(&["sr", "el"], Unknown).number_(COMMA_DOT),
    row(&["pl", "hu", "lt", "lv", "et"], Latin).number_(COMMA_SPACE),
    row(&["bg"], Cyrillic).number_(COMMA_SPACE),
    row(&["wo"], Latin).number_(COMMA_DOT),
    row(&["ff"], Latin).number_(COMMA_SPACE),
    row(&["tt"], Cyrillic).number_(COMMA_SPACE_SPACED),
    row(&["ba"], Cyrillic).number_(style('.', NBSP, After)),
    row(&["ce"], Cyrillic).number_(style('.', ',', AfterSpace(NBSP))),
    // A Cyrillic language that writes numbers as English does.
    row(&["mn"], Cyrillic),
];
