//! Advertising labels, onward links and share prompts inside article
//! containers never reach the text, in any language; the same words inside
//! sentences stay.

mod pages;

use pages::{article_page, extract};

/// Paragraphs of a story with, between them, the interface of the page in
/// boxes whose class names say nothing (as page builders name them).
fn with_markers(lang: &str, paras: [&str; 3], markers: [&str; 4]) -> String {
    let [p1, p2, p3] = paras;
    let [ad, more, share, label] = markers;
    let body = format!(
        r#"        <div class="c-9f2 t-sm">{share}</div>
        <p>{p1}</p>
        <div class="x7k-wrap"><span class="x7k-l">{ad}</span><div class="x7k-slot"></div></div>
        <p>{p2}</p>
        <p class="u-bold"><strong>{more}</strong></p>
        <p>{p3}</p>
        <div class="blk">{label}<br>{p3b}</div>
"#,
        p3b = "Stand: 8. Oktober 2014."
    );
    article_page(lang, "Story", "News", "2014-10-08T10:00:00+02:00", &body)
}

fn assert_clean(html: &str, gone: &[&str], kept: &[&str]) {
    let a = extract(html);
    for g in gone {
        assert!(
            !a.blocks
                .iter()
                .any(|b| a.text[b.start..b.end].trim().eq_ignore_ascii_case(g)),
            "{g:?} kept as a block in {:?}",
            a.text
        );
        assert!(
            !a.text.lines().any(|l| l.trim() == *g),
            "{g:?} kept as a line in {:?}",
            a.text
        );
    }
    for k in kept {
        assert!(a.text.contains(k), "{k:?} lost from {:?}", a.text);
    }
}

#[test]
fn german_anzeige_and_lesen_sie_auch() {
    let paras = [
        "Berlin (dpa) - Die Bundesregierung will die Regeln für Mieterhöhungen verschärfen. Die Anzeige des Vermieters hatte den Streit ausgelöst.",
        "Der Mieterbund begrüßte die Pläne, Vermieterverbände warnten vor sinkenden Investitionen in den Wohnungsbau.",
        "Teilen der Koalition gehen die Pläne nicht weit genug, hieß es am Mittwoch aus Fraktionskreisen.",
    ];
    let html = with_markers(
        "de",
        paras,
        ["Anzeige", "Lesen Sie auch", "Teilen", "Werbung"],
    );
    assert_clean(
        &html,
        &["Anzeige", "Lesen Sie auch", "Teilen", "Werbung"],
        &[
            "Die Anzeige des Vermieters",
            "Teilen der Koalition gehen",
            "Der Mieterbund begrüßte",
        ],
    );
}

#[test]
fn english_advertisement_and_share_prompts() {
    let paras = [
        "WASHINGTON (Reuters) - Advertisement spending by federal agencies rose by a fifth last year, a government audit found on Wednesday.",
        "The audit said most of the money went to television campaigns promoting health insurance enrollment.",
        "Read more carefully, the figures show the rise was concentrated in two departments.",
    ];
    let html = with_markers(
        "en",
        paras,
        [
            "Advertisement",
            "Read more",
            "Share this article",
            "ADVERTISEMENT",
        ],
    );
    assert_clean(
        &html,
        &["Advertisement", "Read more", "Share this article"],
        &["Advertisement spending by federal", "Read more carefully"],
    );
}

#[test]
fn russian_reklama_and_chitayte_takzhe() {
    let paras = [
        "МОСКВА, 8 окт — РИА Новости. Реклама на федеральных каналах подорожала на 15% с начала года, сообщили участники рынка.",
        "По их словам, рост цен связан с сокращением рекламного времени, которое ввели летом.",
        "Аналитики ожидают, что к концу года рынок вырастет еще на несколько процентов.",
    ];
    let html = with_markers(
        "ru",
        paras,
        ["Реклама", "Читайте также:", "Поделиться", "РЕКЛАМА"],
    );
    assert_clean(
        &html,
        &["Реклама", "Читайте также:", "Поделиться", "РЕКЛАМА"],
        &["Реклама на федеральных каналах", "По их словам"],
    );
}

#[test]
fn romance_languages() {
    let cases: [(&str, [&str; 3], [&str; 4]); 4] = [
        (
            "es",
            [
                "MADRID, 8 oct (EFE) - La publicidad institucional creció un 20 % este año, según el Gobierno.",
                "El informe detalla el gasto por ministerios y comunidades autónomas.",
                "La oposición pidió explicaciones en el Congreso.",
            ],
            ["Publicidad", "Lee también", "Compartir en Facebook", "PUBLICIDAD"],
        ),
        (
            "fr",
            [
                "PARIS (AFP) - Le marché de la publicité a reculé de 3 % au premier semestre, selon une étude publiée mercredi.",
                "Les annonceurs ont réduit leurs budgets dans la presse écrite et à la radio.",
                "Internet reste le seul média en croissance.",
            ],
            ["Publicité", "Lire aussi", "Partager cet article", "PUBLICITÉ"],
        ),
        (
            "it",
            [
                "ROMA (ANSA) - La pubblicità online ha superato quella televisiva per la prima volta, secondo i dati diffusi oggi.",
                "Il sorpasso è avvenuto nel secondo trimestre dell'anno.",
                "Gli editori chiedono nuove regole per le piattaforme.",
            ],
            ["Pubblicità", "Leggi anche", "Condividi", "PUBBLICITÀ"],
        ),
        (
            "pt",
            [
                "LISBOA, 8 out (Lusa) - O investimento em publicidade cresceu 4% no primeiro semestre, segundo a associação do setor.",
                "A televisão continua a ser o meio com maior fatia do mercado.",
                "O digital foi o segmento que mais cresceu.",
            ],
            ["Publicidade", "Leia também", "Compartilhe", "PUBLICIDADE"],
        ),
    ];
    for (lang, paras, markers) in cases {
        let html = with_markers(lang, paras, markers);
        assert_clean(&html, &markers, &[paras[1], paras[2]]);
    }
}

#[test]
fn polish_and_dutch() {
    let paras = [
        "Warszawa (PAP) - Reklama zewnętrzna w centrach miast zostanie ograniczona, zdecydowali radni w środę.",
        "Nowe przepisy obejmą billboardy i banery na budynkach.",
        "Przedsiębiorcy mają dwa lata na dostosowanie się do zmian.",
    ];
    let html = with_markers(
        "pl",
        paras,
        ["Reklama", "Czytaj także", "Udostępnij", "REKLAMA"],
    );
    assert_clean(
        &html,
        &["Reklama", "Czytaj także", "Udostępnij", "REKLAMA"],
        &["Reklama zewnętrzna w centrach", paras[1]],
    );
    let paras = [
        "DEN HAAG (ANP) - Het kabinet wil reclame voor gokken op televisie verbieden, heeft de minister woensdag gezegd.",
        "Het verbod moet volgend jaar ingaan.",
        "Aanbieders noemen de maatregel overdreven.",
    ];
    let html = with_markers(
        "nl",
        paras,
        ["Advertentie", "Lees ook", "Delen", "ADVERTENTIE"],
    );
    assert_clean(
        &html,
        &["Advertentie", "Lees ook", "Delen", "ADVERTENTIE"],
        &[paras[1], paras[2]],
    );
}

#[test]
fn a_share_toolbar_row_goes() {
    let body = r#"        <div class="bar">Share: <a href="https://facebook.com/sharer">Facebook</a> <a href="https://twitter.com/share">Twitter</a> <a href="mailto:">Email</a></div>
        <p>NEW YORK — Stocks fell on Wednesday as investors weighed weaker earnings from retailers and a rise in bond yields.</p>
        <p>The Dow Jones industrial average lost 1.2 percent, its worst day in a month, while the Nasdaq fell 1.5 percent.</p>
        <p>Print</p>
        <p>Energy shares led the decline after oil prices dropped for a third straight session.</p>
"#;
    let html = article_page(
        "en",
        "Stocks fall",
        "Markets",
        "2014-10-08T16:00:00-04:00",
        body,
    );
    let a = extract(&html);
    assert!(!a.text.contains("Facebook"), "{:?}", a.text);
    assert!(a.text.contains("Energy shares led the decline"));
}
