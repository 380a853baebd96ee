//! The 57 member states of the Organisation of Islamic Cooperation, as data.

/// The OIC's 57 member states, by ISO 3166-1 alpha-3 code, in code order; Palestine is `PSE`.
/// Syria's membership has been suspended since 2012; it is still one of the 57.
pub const OIC_MEMBERS: [&str; 57] = [
    "AFG", "ALB", "ARE", "AZE", "BEN", "BFA", "BGD", "BHR", "BRN", "CIV", "CMR", "COM", "DJI",
    "DZA", "EGY", "GAB", "GIN", "GMB", "GNB", "GUY", "IDN", "IRN", "IRQ", "JOR", "KAZ", "KGZ",
    "KWT", "LBN", "LBY", "MAR", "MDV", "MLI", "MOZ", "MRT", "MYS", "NER", "NGA", "OMN", "PAK",
    "PSE", "QAT", "SAU", "SDN", "SEN", "SLE", "SOM", "SUR", "SYR", "TCD", "TGO", "TJK", "TKM",
    "TUN", "TUR", "UGA", "UZB", "YEM",
];
