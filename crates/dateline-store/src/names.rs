//! Comparison keys for entity names, shared by every backend so that
//! they merge entities identically.

/// The key two names must share to be the same name: case, dots,
/// a leading "the", and the spelling of apostrophes, dashes and spaces
/// ignored. `U.S.` and `US` share a key; `Bogdanov` and `Mikhail
/// Bogdanov` do not (a surname alone never merges).
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.extend(c.to_lowercase());
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn keys() {
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("US"), "us");
        assert_eq!(name_key("  The   State  Department "), "state department");
        assert_eq!(name_key("Москва"), "москва");
        assert_eq!(name_key("O\u{2019}Brien"), "o'brien");
        assert_ne!(name_key("Bogdanov"), name_key("Mikhail Bogdanov"));
        assert_eq!(name_key("The"), "the");
    }
}
