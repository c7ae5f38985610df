//! `kh campaigns` and `kh campaigns show X`.

use anyhow::Result;
use comfy_table::{ContentArrangement, Table};

use crate::campaign::{CAMPAIGNS, CampaignInfo};
use crate::lang::Lang;
use crate::rules::describe;
use crate::tr;
use crate::vocab::{Kind, Role};

/// The campaigns, in plan order, as a table.
/// `kh campaigns [show CAMPAIGN]`.
pub fn run(args: Args, lang: Lang) -> anyhow::Result<bool> {
    use std::io::IsTerminal;
    let table = crate::output::TableStyle {
        unicode: !args.ascii && std::io::stdout().is_terminal(),
    };
    let out = match args.action {
        None => list(lang, table),
        Some(Action::Show { campaign }) => show(&campaign, lang)?,
    };
    crate::output::print(&out)?;
    Ok(false)
}

pub fn list(lang: Lang, table_style: crate::output::TableStyle) -> String {
    let mut table = Table::new();
    table_style.apply(&mut table);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(vec![
        lang.pick("Mục", "§"),
        lang.pick("Mã", "Slug"),
        lang.pick("Phong trào thi đua", "Campaign"),
        lang.pick("Cơ quan chủ trì", "Lead agency"),
        lang.pick("Đối tượng", "Kinds"),
    ]);
    for c in CAMPAIGNS {
        let kinds: Vec<&str> = c.kinds.iter().map(|k| k.label(lang)).collect();
        table.add_row(vec![
            c.section,
            c.slug,
            c.name(lang),
            c.lead_agency_in(lang),
            &kinds.join(", "),
        ]);
    }
    crate::output::fit(&mut table);
    format!("{table}\n")
}

/// One campaign in full: what a lead agency or a clerk needs to know.
pub fn show(query: &str, lang: Lang) -> Result<String> {
    let c = crate::campaign::Campaign::from_query(query, lang)?.0;
    Ok(describe_campaign(c.info(), lang))
}

/// A campaign in full: who it is (name, slug, lead agency, kinds and
/// roles), the rules kh checks, what it cannot, and the criteria.
fn describe_campaign(c: &CampaignInfo, lang: Lang) -> String {
    let mut out = String::new();
    who_it_is(&mut out, c, lang);
    rules_checked(&mut out, c, lang);
    criteria(&mut out, c, lang);
    out
}

/// The campaign's head lines: name, slug, aliases, lead agency, kinds and
/// the roles each kind is set apart by.
fn who_it_is(out: &mut String, c: &CampaignInfo, lang: Lang) {
    let line = |out: &mut String, label: &str, value: &str| {
        // Padded to 18 columns, and never run into its value.
        out.push_str(&format!("{label:<17} {value}\n"));
    };
    // "Các lĩnh vực khác" is its own citation: never said twice.
    if c.section == "*" {
        out.push_str(&format!("{}\n\n", c.name(lang)));
    } else {
        out.push_str(&format!("{} ({})\n\n", c.name(lang), c.cited(lang)));
    }
    line(out, lang.pick("Mã:", "Slug:"), c.slug);
    if !c.aliases.is_empty() {
        line(
            out,
            lang.pick("Tên khác:", "Aliases:"),
            &c.aliases.join(", "),
        );
    }
    line(
        out,
        lang.pick("Cơ quan chủ trì:", "Lead agency:"),
        c.lead_agency_in(lang),
    );
    let kinds: Vec<String> = c
        .kinds
        .iter()
        .map(|k| format!("{} ({})", k.slug(), k.label(lang)))
        .collect();
    line(out, lang.pick("Đối tượng:", "Kinds:"), &kinds.join(", "));
    for kind in c.kinds {
        let roles = c.roles_for(*kind);
        if roles.is_empty() {
            continue;
        }
        let roles: Vec<String> = roles
            .iter()
            .map(|r| format!("{} ({})", r.slug(), r.label(lang)))
            .collect();
        // Individuals' roles as before; a kind's name ahead where another
        // kind has roles too (§3.12's collectives).
        let label = if *kind == Kind::CaNhan {
            lang.pick("Nhóm đối tượng:", "Roles:").to_string()
        } else if c.roles_optional.contains(kind) {
            tr!(
                lang,
                "Nhóm đối tượng ({}, không bắt buộc):",
                "Roles ({}, optional):",
                kind.label(lang)
            )
        } else {
            tr!(
                lang,
                "Nhóm đối tượng ({}):",
                "Roles ({}):",
                kind.label(lang)
            )
        };
        line(out, &label, &roles.join(", "));
    }
}

/// The rules kh checks for the campaign, and the clauses no file can show.
fn rules_checked(out: &mut String, c: &CampaignInfo, lang: Lang) {
    out.push_str(&format!(
        "\n{}\n",
        lang.pick("Quy tắc kiểm tra:", "Rules checked:")
    ));
    out.push_str(&format!(
        "  - {}\n",
        tr!(
            lang,
            "mọi đối tượng: `rating`, nếu ghi, phải là “hoàn thành xuất sắc nhiệm vụ” trừ khi phong trào cho mức thấp hơn (mục III.2)",
            "everyone: `rating`, when given, must be “completed tasks excellently” unless the campaign sets a lower floor (§III.2)"
        )
    ));
    for r in c.rules {
        out.push_str(&format!("  - {}\n", describe(r, lang)));
    }
    if let Some(implied) = c.implied_role(Kind::CaNhan) {
        out.push_str(&format!(
            "  - {}\n",
            tr!(
                lang,
                "cá nhân không ghi `role`: có hiến đất, bàn giao sớm hoặc trích {} thì đọc là `{}`, nếu không là thiếu `role`",
                "individuals without `role`: land given, an early handover or citing {} reads as `{}`, else `role` is missing",
                implied
                    .cited
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                implied.role.slug()
            )
        ));
    }
    if !c.unchecked.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            lang.pick(
                "Không kiểm tra được (không tệp nào thể hiện được; người thẩm định xem):",
                "Not checked (no file can show them; for the appraiser):"
            )
        ));
        for clause in c.unchecked {
            out.push_str(&format!("  - {}\n", clause.text(lang)));
        }
    }
}

/// The criteria an achievement may name, for each kind and role, with the
/// plan's "hoặc" between those that back one another.
fn criteria(out: &mut String, c: &CampaignInfo, lang: Lang) {
    out.push_str(&format!(
        "\n{}\n",
        lang.pick(
            "Tiêu chí (ghi mã vào `criteria` của thành tích):",
            "Criteria (name their ids in an achievement's `criteria`):"
        )
    ));
    for kind in c.kinds {
        let mut roles: Vec<Option<Role>> = c.roles_for(*kind).iter().copied().map(Some).collect();
        // A role that may be left out: its criteria without one too.
        if roles.is_empty() || c.roles_optional.contains(kind) {
            roles.push(None);
        }
        for role in roles {
            let who = match role {
                Some(r) => format!("{} — {}", kind.label(lang), r.label(lang)),
                None if c.roles_optional.contains(kind) => tr!(
                    lang,
                    "{} — không ghi nhóm (các tiêu chí là một nhóm lựa chọn)",
                    "{} — no role (the criteria are one set of alternatives)",
                    kind.label(lang)
                ),
                None => kind.label(lang).to_string(),
            };
            out.push_str(&format!("  {who}:\n"));
            let criteria: Vec<_> = c.criteria_for(*kind, role).collect();
            for crit in &criteria {
                out.push_str(&format!("    {:<26}{}\n", crit.id, crit.text(lang)));
            }
            // The plan's "hoặc" (SPEC §4.3): which criteria back one another.
            let mut groups: Vec<&str> = criteria.iter().filter_map(|c| c.group_for(role)).collect();
            groups.dedup();
            for g in groups {
                let ids: Vec<&str> = criteria
                    .iter()
                    .filter(|c| c.group_for(role) == Some(g))
                    .map(|c| c.id)
                    .collect();
                out.push_str(&format!(
                    "    {}\n",
                    tr!(
                        lang,
                        "(một trong các tiêu chí là đủ: {})",
                        "(any one of these suffices: {})",
                        ids.join(", ")
                    )
                ));
            }
            for crit in criteria.iter().filter(|c| !c.backed_by.is_empty()) {
                out.push_str(&format!(
                    "    {}\n",
                    tr!(
                        lang,
                        "(`{}` cũng được chứng minh bằng {})",
                        "(`{}` is also backed by {})",
                        crit.id,
                        crit.backed_by
                            .iter()
                            .map(|id| format!("`{id}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                ));
            }
        }
    }
}

/// What `kh campaigns` takes.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Kẻ bảng bằng ký tự ASCII
    #[arg(long, global = true)]
    pub ascii: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Chi tiết một phong trào: cơ quan chủ trì, đối tượng, quy tắc, tiêu chí
    Show {
        /// Mã, tên khác hoặc tên tiếng Việt (có hoặc không dấu)
        campaign: String,
    },
}

/// The English of `kh campaigns`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "List the emulation campaigns, or show one",
    options: &[("ascii", "Draw tables with ASCII characters")],
};

/// The English of `kh campaigns show`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const SHOW_ENGLISH: crate::commands::English = crate::commands::English {
    about: "One campaign: lead agency, kinds, roles, rules and criteria",
    options: &[
        ("campaign", "One campaign: slug, alias or Vietnamese name"),
        ("ascii", "Draw tables with ASCII characters"),
    ],
};
