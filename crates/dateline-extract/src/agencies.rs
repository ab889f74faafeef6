//! News agencies: the wire services whose reports portals republish.
//!
//! A credit, byline or dateline naming one of these gives the article's
//! `source`. The list holds the world's national and international agencies
//! by the names their credits use; the canonical name comes first.

/// (canonical name, other spellings seen in credits).
const AGENCIES: &[(&str, &[&str])] = &[
    ("Reuters", &["Thomson Reuters", "REUTERS"]),
    (
        "AP",
        &["Associated Press", "The Associated Press", "AP News"],
    ),
    (
        "AFP",
        &[
            "Agence France-Presse",
            "Agence France Presse",
            "France-Presse",
        ],
    ),
    ("RIA Novosti", &["RIA", "RIA-Novosti"]),
    ("TASS", &["ITAR-TASS", "Tass"]),
    ("Interfax", &[]),
    ("Sputnik", &[]),
    ("Xinhua", &["Xinhua News Agency", "XINHUA"]),
    ("dpa", &["DPA", "Deutsche Presse-Agentur"]),
    ("ANSA", &[]),
    ("EFE", &["Agencia EFE"]),
    ("Europa Press", &[]),
    ("Kyodo", &["Kyodo News"]),
    ("Jiji Press", &["Jiji"]),
    ("Yonhap", &["Yonhap News Agency"]),
    ("PTI", &["Press Trust of India"]),
    ("IANS", &["Indo-Asian News Service"]),
    ("ANI", &["Asian News International"]),
    ("UPI", &["United Press International"]),
    ("Bloomberg", &["Bloomberg News"]),
    ("PA", &["Press Association", "PA Media"]),
    ("CNA", &["Central News Agency"]),
    ("Anadolu Agency", &["Anadolu", "AA"]),
    ("Bernama", &[]),
    ("Antara", &[]),
    ("KUNA", &["Kuwait News Agency"]),
    ("WAM", &["Emirates News Agency"]),
    ("SPA", &["Saudi Press Agency"]),
    ("IRNA", &[]),
    ("Ukrinform", &[]),
    ("UNIAN", &[]),
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
    ("MENA", &["Middle East News Agency"]),
    ("Petra", &[]),
    ("QNA", &["Qatar News Agency"]),
    ("BNA", &["Bahrain News Agency"]),
    ("ONA", &["Oman News Agency"]),
    ("SANA", &["Syrian Arab News Agency"]),
    ("NNA", &["National News Agency"]),
    ("IRIB", &[]),
    ("Tasnim", &["Tasnim News Agency"]),
    ("Fars", &["Fars News Agency"]),
    ("Mehr", &["Mehr News Agency"]),
    ("BelTA", &[]),
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
            || others
                .iter()
                .any(|o| *o == name || (o.len() > 4 && o.eq_ignore_ascii_case(name))))
        .then_some(*canon)
    })
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
        assert_eq!(canonical(""), None);
    }
}
