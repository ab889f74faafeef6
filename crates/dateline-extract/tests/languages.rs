//! Datelines of the world's wires on whole pages: for each language, a
//! small page as a portal would serve it (navigation, headline, a wire
//! report, related links, footer) gives the dateline's place in the page's
//! script, the agency in its Latin form, the article's `source`, and a body
//! without the dateline.

mod pages;

use dateline_model::Article;
use pages::{extract, extract_bytes, portal};

/// What one page must give.
struct Expect<'a> {
    place: &'a str,
    agency: &'a str,
    /// The dateline's month and day.
    month_day: Option<(u32, u32)>,
    /// The dateline as written, which must not stay in the text.
    dateline: &'a str,
    /// How the body now begins.
    starts: &'a str,
}

fn check(a: &Article, e: &Expect) {
    let d = a
        .dateline
        .as_ref()
        .unwrap_or_else(|| panic!("no dateline; text {:?}", a.text));
    assert_eq!(d.place, e.place);
    assert_eq!(d.agency.as_deref(), Some(e.agency));
    assert_eq!(d.text, e.dateline);
    assert_eq!(
        a.source.as_deref(),
        Some(e.agency),
        "source follows the dateline"
    );
    assert!(
        a.text.starts_with(e.starts),
        "body starts {:?}",
        &a.text[..a.text.len().min(120)]
    );
    assert!(!a.text.contains(e.dateline), "dateline left in the body");
    if let Some((m, day)) = e.month_day {
        let date = d
            .date
            .expect("the dateline's date, its year from publication");
        assert_eq!(
            (date.format("%m").to_string(), date.format("%d").to_string()),
            (format!("{m:02}"), format!("{day:02}"))
        );
    }
}

#[test]
fn russian_ria_novosti_in_windows_1251_undeclared() {
    let html = portal(
        "ru",
        "Лавров: Россия не нуждается в приглашении для борьбы с терроризмом",
        "Новости мира",
        "2014-10-08T15:01:00+04:00",
        &[
            "МОСКВА, 8 окт — РИА Новости. Россия не нуждается в приглашении, чтобы участвовать в борьбе с террористической угрозой, заявил замглавы МИД РФ Михаил Богданов.",
            "По его словам, Москва уже оказывает Ираку и Сирии помощь в борьбе с боевиками, поставляя вооружение и военную технику.",
            "«Нам не нужно приглашение, мы действуем на основе международного права», — подчеркнул дипломат, отвечая на вопросы журналистов.",
        ],
    )
    .replace(" charset=\"utf-8\"", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let a = extract_bytes(bytes.into_owned(), None);
    check(
        &a,
        &Expect {
            place: "Москва",
            agency: "RIA Novosti",
            month_day: Some((10, 8)),
            dateline: "МОСКВА, 8 окт — РИА Новости",
            starts: "Россия не нуждается в приглашении",
        },
    );
}

#[test]
fn russian_tass_and_interfax() {
    let html = portal(
        "ru",
        "Глава МИД РФ провел переговоры с коллегой из Египта",
        "Политика",
        "2014-10-08T12:30:00+03:00",
        &[
            "МОСКВА, 8 октября. /ТАСС/. Министр иностранных дел России Сергей Лавров провел переговоры с египетским коллегой, сообщили в пресс-службе ведомства.",
            "Стороны обсудили положение на Ближнем Востоке и в Северной Африке, а также двустороннее сотрудничество в сфере торговли.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Москва",
            agency: "TASS",
            month_day: Some((10, 8)),
            dateline: "МОСКВА, 8 октября. /ТАСС/",
            starts: "Министр иностранных дел России",
        },
    );
    let html = portal(
        "ru",
        "Суд отказал в иске к оператору связи",
        "Экономика",
        "2014-10-08T10:00:00+03:00",
        &[
            "САНКТ-ПЕТЕРБУРГ, 8 окт — Интерфакс. Арбитражный суд отказал в удовлетворении иска к крупнейшему оператору связи региона, следует из материалов дела.",
            "Истец требовал взыскать более 40 млн рублей убытков, понесенных из-за перебоев в работе сети летом прошлого года.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Санкт-Петербург",
            agency: "Interfax",
            month_day: Some((10, 8)),
            dateline: "САНКТ-ПЕТЕРБУРГ, 8 окт — Интерфакс",
            starts: "Арбитражный суд отказал",
        },
    );
}

#[test]
fn ukrainian_ukrinform() {
    let html = portal(
        "uk",
        "Президент провів зустріч з послами країн G7",
        "Політика",
        "2014-10-08T14:20:00+03:00",
        &[
            "КИЇВ, 8 жов — Укрінформ. Президент України провів зустріч з послами країн «Великої сімки», під час якої обговорили хід реформ та підтримку економіки.",
            "Сторони також приділили увагу питанням енергетичної безпеки напередодні опалювального сезону, повідомляє прес-служба.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Київ",
            agency: "Ukrinform",
            month_day: Some((10, 8)),
            dateline: "КИЇВ, 8 жов — Укрінформ",
            starts: "Президент України провів",
        },
    );
}

#[test]
fn german_dpa_and_two_agencies() {
    let html = portal(
        "de",
        "Bundesregierung plant schärfere Regeln für Mieten",
        "Politik",
        "2014-10-08T09:15:00+02:00",
        &[
            "Berlin (dpa) - Die Bundesregierung will die Regeln für Mieterhöhungen in Ballungsräumen verschärfen. Ein entsprechender Entwurf soll noch im Herbst vorgelegt werden.",
            "Der Mieterbund begrüßte die Pläne, Vermieterverbände warnten dagegen vor sinkenden Investitionen in den Wohnungsbau.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Berlin",
            agency: "dpa",
            month_day: None,
            dateline: "Berlin (dpa)",
            starts: "Die Bundesregierung will",
        },
    );
    let html = portal(
        "de",
        "EU-Kommission legt Klimaziele vor",
        "Ausland",
        "2014-10-08T11:40:00+02:00",
        &[
            "Brüssel (AFP/Reuters) - Die EU-Kommission hat am Mittwoch ihre Klimaziele für das Jahr 2030 vorgestellt. Der Ausstoß von Treibhausgasen soll um 40 Prozent sinken.",
            "Umweltverbände kritisierten die Vorschläge als zu zaghaft, die Industrie sprach von einer schweren Belastung.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Brüssel",
            agency: "AFP/Reuters",
            month_day: None,
            dateline: "Brüssel (AFP/Reuters)",
            starts: "Die EU-Kommission hat",
        },
    );
}

#[test]
fn french_afp() {
    let html = portal(
        "fr",
        "Le gouvernement annonce un plan pour l'emploi des jeunes",
        "Société",
        "2014-10-08T16:05:00+02:00",
        &[
            "PARIS, 8 octobre (AFP) - Le gouvernement a annoncé mercredi un plan de 2 milliards d'euros pour l'emploi des jeunes, a indiqué le Premier ministre devant l'Assemblée.",
            "Les syndicats ont salué une « première étape », tout en réclamant des mesures plus ambitieuses pour les régions les plus touchées.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Paris",
            agency: "AFP",
            month_day: Some((10, 8)),
            dateline: "PARIS, 8 octobre (AFP)",
            starts: "Le gouvernement a annoncé",
        },
    );
}

#[test]
fn spanish_efe() {
    let html = portal(
        "es",
        "El Gobierno aprueba los presupuestos para 2015",
        "Economía",
        "2014-10-08T13:00:00+02:00",
        &[
            "MADRID, 8 oct (EFE) - El Gobierno español aprobó este miércoles el proyecto de presupuestos generales del Estado para 2015, que prevé un crecimiento del 2 por ciento.",
            "La oposición criticó que las cuentas no recojan el aumento del gasto social prometido durante la campaña.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Madrid",
            agency: "EFE",
            month_day: Some((10, 8)),
            dateline: "MADRID, 8 oct (EFE)",
            starts: "El Gobierno español",
        },
    );
}

#[test]
fn italian_ansa() {
    let html = portal(
        "it",
        "Il premier incontra le parti sociali a Palazzo Chigi",
        "Politica",
        "2014-10-08T18:30:00+02:00",
        &[
            "ROMA (ANSA) - Il presidente del Consiglio ha incontrato oggi a Palazzo Chigi i rappresentanti delle parti sociali per discutere la riforma del lavoro.",
            "Al centro del confronto la revisione dei contratti e il sostegno ai disoccupati, secondo quanto riferito da fonti del governo.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Roma",
            agency: "ANSA",
            month_day: None,
            dateline: "ROMA (ANSA)",
            starts: "Il presidente del Consiglio",
        },
    );
}

#[test]
fn polish_pap() {
    let html = portal(
        "pl",
        "Sejm przyjął nowelizację ustawy o podatku dochodowym",
        "Kraj",
        "2014-10-08T15:45:00+02:00",
        &[
            "Warszawa, 8 października (PAP) - Sejm przyjął w środę nowelizację ustawy o podatku dochodowym od osób fizycznych. Za głosowało 230 posłów.",
            "Zmiany mają wejść w życie od początku przyszłego roku, poinformowało Ministerstwo Finansów w komunikacie.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Warszawa",
            agency: "PAP",
            month_day: Some((10, 8)),
            dateline: "Warszawa, 8 października (PAP)",
            starts: "Sejm przyjął w środę",
        },
    );
}

#[test]
fn portuguese_lusa() {
    let html = portal(
        "pt",
        "Governo aprova proposta de Orçamento do Estado",
        "Economia",
        "2014-10-08T17:10:00+01:00",
        &[
            "LISBOA, 8 out (Lusa) - O Governo português aprovou hoje em Conselho de Ministros a proposta de Orçamento do Estado para 2015, anunciou a ministra das Finanças.",
            "A proposta será entregue na Assembleia da República até ao final da próxima semana, acrescentou a governante.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Lisboa",
            agency: "Lusa",
            month_day: Some((10, 8)),
            dateline: "LISBOA, 8 out (Lusa)",
            starts: "O Governo português",
        },
    );
}

#[test]
fn dutch_anp() {
    let html = portal(
        "nl",
        "Kabinet trekt extra geld uit voor zorg",
        "Binnenland",
        "2014-10-08T12:00:00+02:00",
        &[
            "DEN HAAG (ANP) - Het kabinet trekt volgend jaar 500 miljoen euro extra uit voor de ouderenzorg. Dat heeft de minister woensdag bekendgemaakt in de Tweede Kamer.",
            "De oppositie noemde het bedrag onvoldoende om de wachtlijsten in de verpleeghuizen weg te werken.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "Den Haag",
            agency: "ANP",
            month_day: None,
            dateline: "DEN HAAG (ANP)",
            starts: "Het kabinet trekt",
        },
    );
}

#[test]
fn chinese_xinhua() {
    let html = portal(
        "zh-CN",
        "外交部发言人就中美关系答记者问",
        "国际",
        "2014-10-08T16:00:00+08:00",
        &[
            "新华社北京10月8日电（记者王毅）外交部发言人8日在例行记者会上表示，中方愿同美方一道，推动两国关系健康稳定发展。",
            "发言人说，双方应当尊重彼此核心利益和重大关切，妥善处理分歧，加强各领域务实合作。",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "北京",
            agency: "Xinhua",
            month_day: Some((10, 8)),
            dateline: "新华社北京10月8日电（记者王毅）",
            starts: "外交部发言人8日",
        },
    );
}

#[test]
fn japanese_kyodo() {
    let html = portal(
        "ja",
        "米国務省、対ロ制裁の継続を表明",
        "国際",
        "2014-10-08T09:00:00+09:00",
        &[
            "【ワシントン共同】米国務省の報道官は8日の記者会見で、ウクライナ情勢を巡る対ロシア制裁を当面継続する方針を明らかにした。",
            "報道官は、停戦合意の履行状況を注視するとした上で、欧州連合（ＥＵ）と緊密に連携する考えを示した。",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "ワシントン",
            agency: "Kyodo",
            month_day: None,
            dateline: "【ワシントン共同】",
            starts: "米国務省の報道官は",
        },
    );
}

#[test]
fn arabic_reuters_and_afp() {
    let html = portal(
        "ar",
        "روسيا: لا نحتاج إلى دعوة لمكافحة الإرهاب",
        "عربي ودولي",
        "2014-10-08T15:00:00+03:00",
        &[
            "موسكو - (رويترز) - قالت وزارة الخارجية الروسية يوم الأربعاء إن روسيا لا تحتاج إلى دعوة للمشاركة في مكافحة الإرهاب في الشرق الأوسط.",
            "وأضافت الوزارة أن موسكو تقدم بالفعل مساعدات عسكرية للعراق وسوريا في مواجهة المتشددين.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "موسكو",
            agency: "Reuters",
            month_day: None,
            dateline: "موسكو - (رويترز)",
            starts: "قالت وزارة الخارجية",
        },
    );
    let html = portal(
        "ar",
        "الحكومة المصرية تعلن خطة لدعم الصادرات",
        "اقتصاد",
        "2014-10-08T13:20:00+02:00",
        &[
            "القاهرة (أ ف ب) - أعلنت الحكومة المصرية الأربعاء خطة جديدة لدعم الصادرات بقيمة ملياري جنيه خلال العام المالي الحالي.",
            "وقال وزير التجارة في مؤتمر صحافي إن الخطة تستهدف زيادة الصادرات غير النفطية.",
        ],
    );
    check(
        &extract(&html),
        &Expect {
            place: "القاهرة",
            agency: "AFP",
            month_day: None,
            dateline: "القاهرة (أ ف ب)",
            starts: "أعلنت الحكومة المصرية",
        },
    );
}
