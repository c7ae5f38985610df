//! The plan read as the plan reads (issue #10, SPEC §2–§5 as amended): each
//! test fails on a reading kh once had and passes on the plan's.

mod common;

use common::*;

fn codes_of(text: &str) -> Vec<String> {
    Tree::single(text).codes()
}

/// A §3.5 collective the province scores, with `extra` facts.
fn scored(extra: &str) -> String {
    let cchc = edit(COLLECTIVE, "\"nong-thon-moi\"", "\"cai-cach-hanh-chinh\"");
    format!(
        "{cchc}\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\nlate_dossiers = 0\ninitiative_level = \"tinh\"\npar_scored = true\n{extra}"
    )
}

fn errors(codes: &[String]) -> Vec<&String> {
    codes
        .iter()
        .filter(|c| !matches!(c.as_str(), "unevidenced-criterion"))
        .collect()
}

#[test]
fn a_rise_in_score_or_in_rank_suffices() {
    // An index up from 90 to 92 with no ranks: the plan is met.
    let codes = codes_of(&scored("par_index = 92\npar_index_prev = 90\n"));
    assert!(errors(&codes).is_empty(), "{codes:?}");
    // A rank up from 5 to 3, the index unchanged: met too.
    let codes = codes_of(&scored(
        "par_index = 92\npar_index_prev = 93\npar_rank = 3\npar_rank_prev = 5\n",
    ));
    assert!(errors(&codes).is_empty(), "{codes:?}");
    // Both pairs complete and neither rose: not met.
    let codes = codes_of(&scored(
        "par_index = 92\npar_index_prev = 93\npar_rank = 5\npar_rank_prev = 3\n",
    ));
    assert_eq!(errors(&codes), ["criterion-not-met"]);
    // No pair at all: par_index missing once (not twice), and its pair.
    let codes = codes_of(&scored(""));
    let missing = codes.iter().filter(|c| *c == "missing-fact").count();
    assert_eq!(missing, 4, "{codes:?}");
}

#[test]
fn defence_and_police_collectives_need_the_excellent_rating() {
    for campaign in ["quyet-thang", "vi-an-ninh-to-quoc"] {
        let base = edit(COLLECTIVE, "\"nong-thon-moi\"", &format!("\"{campaign}\""));
        assert!(codes_of(&base).contains(&"missing-fact".to_string()));
        let rated = format!("{base}\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n");
        assert!(errors(&codes_of(&rated)).is_empty(), "{campaign}");
        let lower = format!("{base}\n[facts]\nrating = \"hoan-thanh-tot\"\n");
        assert!(codes_of(&lower).contains(&"rating-below-required".to_string()));
    }
}

#[test]
fn an_individual_may_state_land_given_for_site_clearance() {
    let person = edit(PERSON, "\"y-te-hai-long\"", "\"giai-phong-mat-bang\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    let with_land = format!("{person}land_contributed_m2 = 200\nhandover_early = true\n");
    let codes = codes_of(&with_land);
    assert!(errors(&codes).is_empty(), "{codes:?}");
    // Without them the individual still qualifies by the work.
    assert!(errors(&codes_of(&person)).is_empty());
}

#[test]
fn the_party_question_cannot_be_skipped() {
    let bac = edit(PERSON, "\"y-te-hai-long\"", "\"hoc-tap-lam-theo-bac\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    let codes = codes_of(&bac);
    assert_eq!(errors(&codes), ["missing-fact"], "{codes:?}");
    assert!(errors(&codes_of(&format!("{bac}party_member = false\n"))).is_empty());
    let collective = edit(COLLECTIVE, "\"nong-thon-moi\"", "\"hoc-tap-lam-theo-bac\"");
    let rated = format!("{collective}\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n");
    assert_eq!(errors(&codes_of(&rated)), ["missing-fact"]);
    let said = format!("{rated}party_org = true\nparty_rating = \"hoan-thanh-xuat-sac\"\n");
    assert!(errors(&codes_of(&said)).is_empty());
}

#[test]
fn a_dan_van_model_needs_no_score() {
    let model = edit(COLLECTIVE, "\"nong-thon-moi\"", "\"dan-van-kheo\"")
        + "\n[model]\nname = \"Đường hoa\"\naddress = \"xã Tiên Phong\"\ndomain = \"van-hoa-xa-hoi\"\nfour_step_plan = true\nrecords_archived = true\n";
    let codes = codes_of(&model);
    assert!(errors(&codes).is_empty(), "{codes:?}");
    let off_scale = format!("{model}score = 120\n");
    assert!(codes_of(&off_scale).contains(&"criterion-not-met".to_string()));
}

#[test]
fn a_household_head_may_give_position_and_workplace() {
    let head = edit(
        HOUSEHOLD,
        "residence = \"thôn Văn Xá, xã Nhân Mỹ\"\n",
        "residence = \"thôn Văn Xá, xã Nhân Mỹ\"\nposition = \"Trưởng thôn\"\nworkplace = \"Thôn Văn Xá\"\n",
    );
    let codes = codes_of(&head);
    assert!(errors(&codes).is_empty(), "{codes:?}");
}

#[test]
fn closed_lists_read_their_vietnamese_labels() {
    let labelled = edit(PERSON, "gender = \"nam\"", "gender = \"Nữ\"");
    let labelled = edit(
        &labelled,
        "rating = \"hoan-thanh-xuat-sac\"",
        "rating = \"Hoàn thành xuất sắc nhiệm vụ\"",
    );
    let labelled = edit(&labelled, "kind = \"ca-nhan\"", "kind = \"Cá nhân\"");
    let codes = codes_of(&labelled);
    assert!(errors(&codes).is_empty(), "{codes:?}");
    let plain = edit(PERSON, "\"hoan-thanh-xuat-sac\"", "\"hoan thanh xuat sac\"");
    assert!(errors(&codes_of(&plain)).is_empty());
    // A word that is no label is still refused.
    let wrong = edit(PERSON, "gender = \"nam\"", "gender = \"khác\"");
    assert!(codes_of(&wrong).contains(&"invalid-value".to_string()));
}

#[test]
fn decision_numbers_trimmed_and_slips_suspected() {
    let padded = edit(PERSON, "\"5512/QĐ-BYT\"", "\" 5512/QĐ-BYT \"");
    assert!(errors(&codes_of(&padded)).is_empty());
    for slip in ["5512/QD-BYT", "5512/Q\u{00D0}-BYT", "5512/Q\u{0189}-BYT"] {
        let t = edit(PERSON, "\"5512/QĐ-BYT\"", &format!("\"{slip}\""));
        assert_eq!(
            errors(&codes_of(&t)),
            ["suspicious-decision-number"],
            "{slip}"
        );
    }
    let notice = edit(PERSON, "\"5512/QĐ-BYT\"", "\"12/TB-BYT\"");
    assert!(errors(&codes_of(&notice)).is_empty());
}

#[test]
fn other_fields_name_their_movement_and_any_file_its_proposed_award() {
    let other = edit(PERSON, "\"y-te-hai-long\"", "\"linh-vuc-khac\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    let codes = codes_of(&other);
    assert_eq!(errors(&codes), ["missing-field"], "{codes:?}");
    let named = edit(
        &other,
        "kind = \"ca-nhan\"\n",
        "kind = \"ca-nhan\"\nmovement = \"Toàn dân đoàn kết xây dựng đời sống văn hóa\"\nproposed_award = \"Bằng khen của Chủ tịch UBND tỉnh\"\n",
    );
    let codes = codes_of(&named);
    assert!(errors(&codes).is_empty(), "{codes:?}");
}

#[test]
fn a_round_without_kh_toml_is_the_plans_year_on_any_day() {
    let t = Tree::single(&edit(PERSON, "year = 2021", "year = 2024"));
    std::fs::remove_file(t.path("kh.toml")).expect("rm kh.toml");
    let doc = t.json();
    assert_eq!(doc["settings"]["year"], 2023);
    assert_eq!(doc["settings"]["as_of"], "2023-12-31");
    assert_eq!(doc["settings"]["from_kh_toml"], false);
    assert!(codes(&doc).contains(&"award-year-out-of-range".to_string()));
    let human = kh()
        .args(["validate", "--color", "never"])
        .arg(t.root())
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("Đợt năm 2023, xét đến 31/12/2023 — mặc định, không có kh.toml"),
        "{text}"
    );
}

#[test]
fn every_new_criterion_shows_in_both_languages() {
    for (campaign, id, vi, en) in [
        (
            "dan-van-kheo",
            "hai-hoa-ba-loi-ich",
            "3 lợi ích",
            "three interests",
        ),
        (
            "dan-van-kheo",
            "linh-hoat-tiet-kiem",
            "tiết kiệm thời gian",
            "saving time",
        ),
        (
            "ket-cau-ha-tang",
            "tinh-gon-bo-may",
            "tinh gọn",
            "Streamlines",
        ),
        (
            "ket-cau-ha-tang",
            "co-che-ha-tang",
            "cơ chế, chính sách",
            "mechanisms",
        ),
        (
            "hoc-tap-lam-theo-bac",
            "y-chi-phan-dau",
            "ý chí rèn luyện",
            "will to train",
        ),
        (
            "van-hoa-cong-so",
            "chuyen-nghiep",
            "Chuyên nghiệp",
            "Professional",
        ),
        (
            "cai-cach-hanh-chinh",
            "van-ban-chi-dao",
            "văn bản chỉ đạo",
            "directives",
        ),
        (
            "lao-dong-gioi",
            "huong-ung-phong-trao",
            "hưởng ứng",
            "Responds",
        ),
        (
            "nong-dan-san-xuat-gioi",
            "tham-gia-phong-trao",
            "cuộc vận động",
            "campaigns",
        ),
        (
            "day-tot-hoc-tot",
            "guong-mau-di-dau",
            "Gương mẫu đi đầu",
            "Leads by example",
        ),
        (
            "vi-an-ninh-to-quoc",
            "doan-ket-ky-cuong",
            "kỷ cương",
            "disciplined",
        ),
    ] {
        for (lang, word) in [("vi", vi), ("en", en)] {
            let out = kh()
                .args(["campaigns", "show", campaign, "--lang", lang])
                .output()
                .expect("run");
            let text = String::from_utf8_lossy(&out.stdout);
            let line = text.lines().find(|l| l.contains(id)).unwrap_or("");
            assert!(line.contains(word), "{campaign} {id} {lang}: {line:?}");
        }
    }
}
