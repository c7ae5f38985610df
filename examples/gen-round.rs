//! Writes a realistic round for benchmarks and load tests:
//! `cargo run --release --example gen-round -- --units 7000 --out /tmp/round [--seed 1] [--faults 5] [--no-criteria]`
//!
//! Every unit gets a `unit.toml` and three nominations across all campaigns
//! and kinds, with unique Vietnamese names and birth dates. `--register`
//! writes a `review.toml` with a decision for every nomination, sealed with
//! its fingerprint, as `kh review set` writes it. `--faults P`
//! plants a fault in about P% of the files. `--no-criteria` writes
//! achievements that name no criteria, as real clerks seldom do (about
//! seven `unevidenced-criterion` notes a nomination). The same seed writes
//! the same tree.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use kh::CAMPAIGNS;
use kh::{Col, FieldType, NOMINEE_FIELDS, NomineeKey};
use kh::{Fact, Kind};

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Đinh", "Lương", "Trịnh",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hữu", "Ngọc", "Thanh", "Xuân",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Huyền",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Phong", "Phúc", "Quân", "Quỳnh",
    "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung", "Tuấn", "Tú", "Uyên", "Việt", "Vinh",
    "Xuân", "Yến", "Ánh", "Đạt",
];
const PLACES: &[&str] = &[
    "Lý Nhân",
    "Kim Bảng",
    "Thanh Liêm",
    "Bình Lục",
    "Duy Tiên",
    "Phủ Lý",
];

/// A small deterministic generator (xorshift64*): no dependency, same
/// output for the same seed on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A name no other index gets: the index written in mixed radix over the
/// name parts.
fn unique_name(mut i: usize) -> String {
    let s = SURNAMES[i % SURNAMES.len()];
    i /= SURNAMES.len();
    let m = MIDDLE[i % MIDDLE.len()];
    i /= MIDDLE.len();
    let g1 = GIVEN[i % GIVEN.len()];
    i /= GIVEN.len();
    let g2 = GIVEN[i % GIVEN.len()];
    i /= GIVEN.len();
    if i == 0 {
        format!("{s} {m} {g2} {g1}")
    } else {
        format!("{s} {m} {g2} {g1} {i}")
    }
}

fn fact_value(f: Fact) -> &'static str {
    match f {
        Fact::Rating | Fact::PartyRating => "\"hoan-thanh-xuat-sac\"",
        Fact::InitiativeLevel => "\"tinh\"",
        Fact::LateDossiers => "0",
        Fact::ParIndex => "93.5",
        Fact::ParIndexPrev => "90.25",
        Fact::ParRank => "2",
        Fact::ParRankPrev => "4",
        Fact::LandContributedM2 => "320",
        _ => "true",
    }
}

fn nomination(i: usize, rng: &mut Rng, fault: bool, tagged: bool) -> String {
    // Every (campaign, kind) pair in turn, so all are covered.
    let pairs: Vec<(usize, Kind)> = CAMPAIGNS
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.kinds.iter().map(move |k| (ci, *k)))
        .collect();
    let (ci, kind) = pairs[i % pairs.len()];
    let c = &CAMPAIGNS[ci];
    let role = if kind == Kind::CaNhan {
        c.roles.first().copied()
    } else {
        None
    };
    let place = PLACES[rng.below(PLACES.len())];
    let name = unique_name(i);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "campaign = \"{}\"\nkind = \"{}\"\n",
        c.slug,
        kind.slug()
    );
    out.push_str("[nominee]\n");
    for f in NOMINEE_FIELDS {
        if matches!(f.col(kind), Col::No) || (f.ty == FieldType::Role && role.is_none()) {
            continue;
        }
        let value = match (f.key, f.ty) {
            (NomineeKey::Name, _) => format!("\"Hợp tác xã {name}\""),
            (NomineeKey::FullName, _) => format!("\"{name}\""),
            (_, FieldType::Date) => format!(
                "{}-{:02}-{:02}",
                1950 + i % 50,
                1 + i % 12,
                1 + (i / 12) % 28
            ),
            (_, FieldType::Gender) => "\"nam\"".into(),
            (_, FieldType::Count) => "4".into(),
            (_, FieldType::Role) => format!("\"{}\"", role.map_or("", |r| r.slug())),
            _ => format!(
                "\"xã {}, huyện {place}, tỉnh Hà Nam\"",
                GIVEN[rng.below(GIVEN.len())]
            ),
        };
        let _ = writeln!(out, "{} = {value}", f.key);
    }
    let crit: Vec<String> = if tagged {
        c.criteria_for(kind, role)
            .map(|x| format!("\"{}\"", x.id))
            .collect()
    } else {
        Vec::new()
    };
    let _ = writeln!(
        out,
        "\n[[achievements]]\ntext = \"Thành tích tiêu biểu số {i} trong phong trào {}\"",
        c.name_vi
    );
    if tagged {
        let _ = writeln!(out, "criteria = [{}]", crit.join(", "));
    }
    let _ = writeln!(
        out,
        "\n[[awards]]\nyear = 2021\ntitle = \"Giấy khen của Chủ tịch UBND huyện {place}\"\ndecision = \"{}/QĐ-UBND\"\ndate = 2021-12-20",
        100 + i % 9000
    );
    if c.has_model(kind) {
        out.push_str("\n[model]\nname = \"Mô hình dân vận\"\naddress = \"xã Tiên Phong\"\ndomain = \"kinh-te\"\nfour_step_plan = true\nscore = 90\nrecords_archived = true\n");
    }
    let facts = c.facts_for(kind, role);
    if !facts.is_empty() {
        out.push_str("\n[facts]\n");
        for f in facts {
            let _ = writeln!(out, "{} = {}", f.slug(), fact_value(f));
        }
    }
    if fault {
        // One of a few slips a clerk makes.
        out = match rng.below(4) {
            0 => out.replacen("kind = ", "kind = \"x\"\nloai = ", 1),
            1 => out.replacen("year = 2021", "year = 1930", 1),
            2 => out.replacen("[nominee]", "[nominee]\nghi_chu = \"?\"", 1),
            _ => out.replacen("decision = \"", "decision = \"số ", 1),
        };
    }
    out
}

const USAGE: &str = "usage: gen-round --out DIR [--units N] [--seed S] [--faults P] [--no-criteria] [--register]\n\n  --out DIR       a new folder to write the round in\n  --units N       units, three nominations each (default 100)\n  --seed S        the same seed writes the same tree (default 1)\n  --faults P      plant a fault in about P% of the files\n  --no-criteria   achievements name no criteria, as real clerks write them\n  --register      a review.toml with a decision for every nomination";

fn main() -> Result<()> {
    let mut units = 100usize;
    let mut out: Option<PathBuf> = None;
    let mut seed = 1u64;
    let mut faults = 0usize;
    let mut tagged = true;
    let mut register = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().context("a value is missing");
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--units" => units = val()?.parse()?,
            "--out" => out = Some(PathBuf::from(val()?)),
            "--seed" => seed = val()?.parse()?,
            "--faults" => faults = val()?.parse()?,
            "--no-criteria" => tagged = false,
            "--register" => register = true,
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    let out = out.context("--out DIR is required")?;
    if out.exists() {
        bail!("{} exists; give a new folder", out.display());
    }
    let mut rng = Rng(seed.max(1));
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("kh.toml"), "year = 2023\n")?;
    let mut book = String::from("# Kết quả thẩm định của Sở Nội vụ (kh review set ghi tệp này).\n");
    for u in 0..units {
        let dir = out.join(format!("don-vi-{u:05}"));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("unit.toml"),
            format!("name = \"Đơn vị số {u}\"\nlevel = \"xa\"\n"),
        )?;
        for n in 0..3 {
            let i = u * 3 + n;
            let fault = rng.below(100) < faults;
            let text = nomination(i, &mut rng, fault, tagged);
            if register {
                let _ = write!(
                    book,
                    "\n[[review]]\npath = \"don-vi-{u:05}/de-nghi-{n}.toml\"\nstatus = \"dat\"\nreviewer = \"Trần Thị Bích\"\ndate = 2023-10-05\naward = \"Bằng khen của Chủ tịch UBND tỉnh\"\nsha256 = \"{}\"\n",
                    kh::fingerprint(text.as_bytes())
                );
            }
            std::fs::write(dir.join(format!("de-nghi-{n}.toml")), text)?;
        }
    }
    if register {
        std::fs::write(out.join("review.toml"), book)?;
    }
    println!(
        "{} units, {} nominations in {}",
        units,
        units * 3,
        out.display()
    );
    Ok(())
}
