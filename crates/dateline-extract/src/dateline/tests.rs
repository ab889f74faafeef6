use super::*;

#[test]
fn specimen_dateline() {
    let p = "MOSCOW, October 8 (RIA Novosti) – The United States has been knocking";
    let f = find(p).unwrap();
    assert_eq!(f.place, "Moscow");
    assert_eq!(f.month_day, Some((10, 8)));
    assert_eq!(f.agency.as_deref(), Some("RIA Novosti"));
    assert_eq!(f.text, "MOSCOW, October 8 (RIA Novosti)");
    assert_eq!(&p[f.len..], "The United States has been knocking");
}

#[test]
fn common_forms() {
    let f = find("WASHINGTON (Reuters) - The U.S. Senate on").unwrap();
    assert_eq!(
        (f.place.as_str(), f.agency.as_deref(), f.month_day),
        ("Washington", Some("Reuters"), None)
    );
    let f = find("RIO DE JANEIRO, Oct. 8, 2014 (AP) — Police said").unwrap();
    assert_eq!(
        (f.place.as_str(), f.month_day, f.year),
        ("Rio de Janeiro", Some((10, 8)), Some(2014))
    );
    assert_eq!(f.agency.as_deref(), Some("AP"));
    let f = find("LOUISVILLE, Ky. (AP) — Police said").unwrap();
    assert_eq!(f.place, "Louisville, Ky.");
    let f = find("NEW YORK — Stocks fell").unwrap();
    assert_eq!((f.place.as_str(), f.agency), ("New York", None));
    let f = find("Moscow, 8 October (TASS) – Russia said").unwrap();
    assert_eq!((f.place.as_str(), f.month_day), ("Moscow", Some((10, 8))));
}

#[test]
fn ordinary_openings_are_not_datelines() {
    assert!(find("The United States has been knocking").is_none());
    assert!(find("Moscow - the capital - is big").is_none());
    assert!(find("Update: the storm moved north").is_none());
    assert!(find("In September, US President Barack Obama unveiled").is_none());
    assert!(find("").is_none());
    assert!(find("BREAKING — Stocks fell").is_none());
}

/// (paragraph, place, month/day, agency, rest of the paragraph).
type Case<'a> = (
    &'a str,
    &'a str,
    Option<(u32, u32)>,
    Option<&'a str>,
    &'a str,
);

fn check(cases: &[Case]) {
    for &(p, place, month_day, agency, rest) in cases {
        let f = find(p).unwrap_or_else(|| panic!("no dateline in {p:?}"));
        assert_eq!(f.place, place, "{p}");
        assert_eq!(f.month_day, month_day, "{p}");
        assert_eq!(f.agency.as_deref(), agency, "{p}");
        assert_eq!(&p[f.len..], rest, "{p}");
    }
}

#[test]
fn russian_and_ukrainian() {
    check(&[
        (
            "МОСКВА, 8 окт — РИА Новости. Россия не нуждается",
            "Москва",
            Some((10, 8)),
            Some("RIA Novosti"),
            "Россия не нуждается",
        ),
        (
            "МОСКВА, 8 октября. /ТАСС/. Глава МИД заявил",
            "Москва",
            Some((10, 8)),
            Some("TASS"),
            "Глава МИД заявил",
        ),
        (
            "САНКТ-ПЕТЕРБУРГ, 8 окт — Интерфакс. Суд отказал",
            "Санкт-Петербург",
            Some((10, 8)),
            Some("Interfax"),
            "Суд отказал",
        ),
        (
            "РОСТОВ-НА-ДОНУ, 12 марта (ТАСС) - Власти области",
            "Ростов-на-Дону",
            Some((3, 12)),
            Some("TASS"),
            "Власти области",
        ),
        (
            "Москва. 8 октября. INTERFAX.RU - Банк России",
            "Москва",
            Some((10, 8)),
            Some("Interfax"),
            "Банк России",
        ),
        (
            "МОСКВА, 8 окт — РИА Новости, Анна Петрова. Власти",
            "Москва",
            Some((10, 8)),
            Some("RIA Novosti"),
            "Власти",
        ),
        (
            "КИЇВ. 8 жовтня. ІНТЕРФАКС-УКРАЇНА - Уряд",
            "Київ",
            Some((10, 8)),
            Some("Interfax-Ukraine"),
            "Уряд",
        ),
        (
            "КИЇВ, 8 жов — Укрінформ. Президент України",
            "Київ",
            Some((10, 8)),
            Some("Ukrinform"),
            "Президент України",
        ),
        (
            "ЛЬВІВ, 3 березня — Укрінформ. У місті",
            "Львів",
            Some((3, 3)),
            Some("Ukrinform"),
            "У місті",
        ),
    ]);
    // Words after the dash that are no agency stay in the story.
    let p = "МОСКВА — Россия, Китай. Власти";
    let f = find(p).unwrap();
    assert_eq!((f.agency, &p[f.len..]), (None, "Россия, Китай. Власти"));
    let f = find("МОСКВА, 8 окт — РИА Новости. Россия").unwrap();
    assert_eq!(f.text, "МОСКВА, 8 окт — РИА Новости");
}

#[test]
fn german_french_spanish_italian() {
    check(&[
        (
            "Berlin (dpa) - Die Bundesregierung will",
            "Berlin",
            None,
            Some("dpa"),
            "Die Bundesregierung will",
        ),
        (
            "Brüssel (AFP/Reuters) - Die EU-Kommission",
            "Brüssel",
            None,
            Some("AFP/Reuters"),
            "Die EU-Kommission",
        ),
        (
            "Frankfurt am Main, 8. Oktober (dpa) - Der Dax",
            "Frankfurt am Main",
            Some((10, 8)),
            Some("dpa"),
            "Der Dax",
        ),
        (
            "Düsseldorf (dpa/lnw) - In Nordrhein-Westfalen",
            "Düsseldorf",
            None,
            Some("dpa"),
            "In Nordrhein-Westfalen",
        ),
        (
            "PARIS (AFP) - Le gouvernement a annoncé",
            "Paris",
            None,
            Some("AFP"),
            "Le gouvernement a annoncé",
        ),
        (
            "PARIS, 8 octobre 2014 (AFP) - « Nous",
            "Paris",
            Some((10, 8)),
            Some("AFP"),
            "« Nous",
        ),
        (
            "MADRID, 8 oct (EFE) - El Gobierno español",
            "Madrid",
            Some((10, 8)),
            Some("EFE"),
            "El Gobierno español",
        ),
        (
            "Bogotá, 8 de octubre (EFE).- La Fiscalía",
            "Bogotá",
            Some((10, 8)),
            Some("EFE"),
            "La Fiscalía",
        ),
        (
            "London, Jun 11 (efe-epa).- The pandemic",
            "London",
            Some((6, 11)),
            Some("EFE"),
            "The pandemic",
        ),
        (
            "ROMA (ANSA) - Il presidente del Consiglio",
            "Roma",
            None,
            Some("ANSA"),
            "Il presidente del Consiglio",
        ),
        (
            "(ANSA) - MILANO, 8 OTT - La Borsa",
            "Milano",
            Some((10, 8)),
            Some("ANSA"),
            "La Borsa",
        ),
    ]);
}

#[test]
fn polish_portuguese_dutch() {
    check(&[
        (
            "Warszawa (PAP) - Sejm przyjął",
            "Warszawa",
            None,
            Some("PAP"),
            "Sejm przyjął",
        ),
        (
            "Kraków, 8 października (PAP) - Policja",
            "Kraków",
            Some((10, 8)),
            Some("PAP"),
            "Policja",
        ),
        (
            "LISBOA, 8 out (Lusa) - O Governo português",
            "Lisboa",
            Some((10, 8)),
            Some("Lusa"),
            "O Governo português",
        ),
        (
            "DEN HAAG (ANP) - Het kabinet",
            "Den Haag",
            None,
            Some("ANP"),
            "Het kabinet",
        ),
        (
            "AMSTERDAM, 8 okt (ANP) - De beurs",
            "Amsterdam",
            Some((10, 8)),
            Some("ANP"),
            "De beurs",
        ),
    ]);
}

#[test]
fn chinese_japanese_arabic() {
    check(&[
        (
            "新华社北京10月8日电（记者王毅）外交部发言人8日表示",
            "北京",
            Some((10, 8)),
            Some("Xinhua"),
            "外交部发言人8日表示",
        ),
        (
            "新华社北京１０月８日电　外交部",
            "北京",
            Some((10, 8)),
            Some("Xinhua"),
            "外交部",
        ),
        (
            "中新社上海3月12日电 上海市政府",
            "上海",
            Some((3, 12)),
            Some("China News Service"),
            "上海市政府",
        ),
        (
            "【ワシントン共同】米国務省は8日",
            "ワシントン",
            None,
            Some("Kyodo"),
            "米国務省は8日",
        ),
        (
            "【北京＝時事】中国外務省は",
            "北京",
            None,
            Some("Jiji Press"),
            "中国外務省は",
        ),
        (
            "موسكو - (رويترز) - قالت وزارة الخارجية",
            "موسكو",
            None,
            Some("Reuters"),
            "قالت وزارة الخارجية",
        ),
        (
            "القاهرة (أ ف ب) - أعلنت الحكومة",
            "القاهرة",
            None,
            Some("AFP"),
            "أعلنت الحكومة",
        ),
        (
            "دبي 8 أكتوبر (رويترز) - ارتفعت",
            "دبي",
            Some((10, 8)),
            Some("Reuters"),
            "ارتفعت",
        ),
        (
            "بيروت ٨ تشرين الأول (أ ف ب) - قال",
            "بيروت",
            Some((10, 8)),
            Some("AFP"),
            "قال",
        ),
    ]);
    // A newspaper's own: place and reporter, no agency.
    let f = find("【エルサレム＝酒井圭吾】イスラエルと").unwrap();
    assert_eq!((f.place.as_str(), f.agency), ("エルサレム", None));
    let f = find("新华社北京10月8日电（记者王毅）外交部").unwrap();
    assert_eq!(f.text, "新华社北京10月8日电（记者王毅）");
}

#[test]
fn openings_in_other_languages_are_not_datelines() {
    for p in [
        "Москва — столица России.",
        "Die Regierung will - so heißt es - sparen",
        "EILMELDUNG - Der Dax fällt",
        "СРОЧНО — В Москве",
        "قالت وزارة الخارجية (الأحد) - إن",
        "【速報】米国務省は",
        "北京时间10月8日，外交部",
        "Il presidente (ANSA) ha detto",
        "Москва. 8 октября. Вчера - в среду",
    ] {
        assert!(find(p).is_none(), "{p}");
    }
}
