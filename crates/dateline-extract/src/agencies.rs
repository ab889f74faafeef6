//! News agencies: the wire services whose reports portals republish.
//!
//! A credit, byline or dateline naming one of these gives the article's
//! `source`. The list holds the world's national and international agencies
//! by the names their credits use; the canonical name comes first.

/// (canonical name, other spellings seen in credits). The canonical name is
/// the agency's usual Latin form; credits in other scripts (`РИА Новости`,
/// `新华社`, `رويترز`) are spellings of it.
const AGENCIES: &[(&str, &[&str])] = &[
    (
        "Reuters",
        &[
            "Thomson Reuters",
            "REUTERS",
            "Рейтер",
            "Рейтерс",
            "رويترز",
            "路透社",
            "路透",
            "ロイター",
        ],
    ),
    (
        "AP",
        &[
            "Associated Press",
            "The Associated Press",
            "AP News",
            "Ассошиэйтед Пресс",
            "أسوشيتد برس",
            "美联社",
            "ＡＰ",
        ],
    ),
    (
        "AFP",
        &[
            "Agence France-Presse",
            "Agence France Presse",
            "France-Presse",
            "Франс Пресс",
            "Франс-Пресс",
            "أ ف ب",
            "أ.ف.ب",
            "ا ف ب",
            "فرانس برس",
            "法新社",
            "ＡＦＰ",
        ],
    ),
    ("RIA Novosti", &["RIA", "RIA-Novosti", "РИА Новости", "РИА"]),
    ("TASS", &["ITAR-TASS", "Tass", "ТАСС", "ИТАР-ТАСС", "タス"]),
    ("Interfax", &["Интерфакс", "INTERFAX.RU"]),
    (
        "Interfax-Ukraine",
        &["Інтерфакс-Україна", "Интерфакс-Украина"],
    ),
    ("Sputnik", &["Спутник"]),
    (
        "Xinhua",
        &[
            "Xinhua News Agency",
            "XINHUA",
            "新华社",
            "新華社",
            "新华网",
            "Синьхуа",
            "شينخوا",
        ],
    ),
    ("China News Service", &["CNS", "中新社", "中新网"]),
    ("dpa", &["DPA", "Deutsche Presse-Agentur", "د ب أ"]),
    ("ANSA", &[]),
    ("EFE", &["Agencia EFE"]),
    ("Europa Press", &[]),
    ("Kyodo", &["Kyodo News", "共同", "共同通信", "共同社"]),
    ("Jiji Press", &["Jiji", "時事", "時事通信"]),
    ("Yonhap", &["Yonhap News Agency", "聯合", "연합뉴스"]),
    ("PTI", &["Press Trust of India"]),
    ("IANS", &["Indo-Asian News Service"]),
    ("ANI", &["Asian News International"]),
    ("UPI", &["United Press International"]),
    ("Bloomberg", &["Bloomberg News"]),
    ("PA", &["Press Association", "PA Media"]),
    ("CNA", &["Central News Agency"]),
    ("Anadolu Agency", &["Anadolu", "AA", "الأناضول"]),
    ("Bernama", &[]),
    ("Antara", &[]),
    ("KUNA", &["Kuwait News Agency", "كونا"]),
    ("WAM", &["Emirates News Agency", "وام"]),
    ("SPA", &["Saudi Press Agency", "واس"]),
    ("IRNA", &[]),
    ("Ukrinform", &["Укрінформ", "Укринформ"]),
    ("UNIAN", &["УНІАН", "УНИАН"]),
    ("Prensa Latina", &[]),
    ("Notimex", &[]),
    ("Agência Brasil", &["Agencia Brasil"]),
    ("APA", &["Austria Presse Agentur"]),
    ("Belga", &[]),
    ("ANP", &[]),
    ("Keystone-SDA", &["SDA", "Keystone-ATS", "ATS"]),
    ("PAP", &["Polska Agencja Prasowa"]),
    ("ČTK", &["CTK"]),
    ("MTI", &[]),
    ("BTA", &[]),
    ("Agerpres", &[]),
    ("Hina", &[]),
    ("Tanjug", &[]),
    ("Lusa", &[]),
    ("NTB", &[]),
    ("TT", &["Tidningarnas Telegrambyrå"]),
    ("Ritzau", &[]),
    ("STT", &[]),
    ("AAP", &["Australian Associated Press"]),
    ("CP", &["The Canadian Press", "Canadian Press"]),
    ("APS", &["Algérie Presse Service"]),
    ("MENA", &["Middle East News Agency", "أ ش أ"]),
    ("Petra", &[]),
    ("QNA", &["Qatar News Agency"]),
    ("BNA", &["Bahrain News Agency"]),
    ("ONA", &["Oman News Agency"]),
    ("SANA", &["Syrian Arab News Agency", "سانا"]),
    ("NNA", &["National News Agency"]),
    ("IRIB", &[]),
    ("Tasnim", &["Tasnim News Agency"]),
    ("Fars", &["Fars News Agency"]),
    ("Mehr", &["Mehr News Agency"]),
    ("BelTA", &["БелТА"]),
    ("Kazinform", &[]),
    ("Trend", &["Trend News Agency"]),
    ("APA-Azerbaijan", &[]),
    ("Armenpress", &[]),
    ("Interpressnews", &[]),
    ("Vietnam News Agency", &["VNA"]),
    ("Philippine News Agency", &["PNA"]),
    ("Thai News Agency", &[]),
    ("KCNA", &["Korean Central News Agency"]),
    ("Dow Jones", &["Dow Jones Newswires"]),
    ("Voice of America", &["VOA"]),
    ("Deutsche Welle", &["DW"]),
    (
        "RFE/RL",
        &["Radio Free Europe/Radio Liberty", "Radio Free Europe"],
    ),
    ("IPS", &["Inter Press Service"]),
    ("NAN", &["News Agency of Nigeria"]),
    ("KNA", &["Kenya News Agency"]),
    ("MAP", &["Maghreb Arabe Presse"]),
    ("TAP", &["Tunis Afrique Presse"]),
    ("SAPA", &["South African Press Association"]),
    ("ANA", &["Athens News Agency", "ANA-MPA"]),
];

/// The canonical name of the agency `name` refers to, if it is one.
pub fn canonical(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if name.is_empty() {
        return None;
    }
    AGENCIES.iter().find_map(|(canon, others)| {
        (canon.eq_ignore_ascii_case(name)
            || others.iter().any(|o| {
                *o == name
                    || o.len() > 4
                        && if o.is_ascii() {
                            o.eq_ignore_ascii_case(name)
                        } else {
                            same_ignoring_case(o, name)
                        }
            }))
        .then_some(*canon)
    })
}

/// Equal but for case, in any script (`Тасс`, `ТАСС`).
fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_agency_listed_once() {
        let mut names: Vec<&str> = AGENCIES.iter().map(|(c, _)| *c).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }

    #[test]
    fn credits_resolve() {
        assert_eq!(canonical("RIA Novosti"), Some("RIA Novosti"));
        assert_eq!(canonical("The Associated Press"), Some("AP"));
        assert_eq!(canonical("(Reuters)"), Some("Reuters"));
        assert_eq!(canonical("Staff writer"), None);
        assert_eq!(canonical("РИА Новости"), Some("RIA Novosti"));
        assert_eq!(canonical("Тасс"), Some("TASS"));
        assert_eq!(canonical("/ТАСС/"), Some("TASS"));
        assert_eq!(canonical("Укрінформ"), Some("Ukrinform"));
        assert_eq!(canonical("新华社"), Some("Xinhua"));
        assert_eq!(canonical("رويترز"), Some("Reuters"));
        assert_eq!(canonical("أ ف ب"), Some("AFP"));
        assert_eq!(canonical("共同"), Some("Kyodo"));
        assert_eq!(canonical(""), None);
    }
}
