//! #20.4: every command walks its round once. The library counts, on the
//! calling thread, the rounds it walks; the commands that used to find
//! their root by a walk of their own (export, publish) are run here through
//! the library and held to one.

use std::path::Path;

use kh::Lang;
use kh::Options;

fn opts() -> Options {
    Options {
        lang: Lang::Vi,
        progress: false,
        memory: kh::Memory::default(),
    }
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/submissions")
}

fn walks_of(run: impl FnOnce()) -> usize {
    let before = kh::walks();
    run();
    kh::walks() - before
}

#[test]
fn export_and_publish_walk_their_round_once() {
    let out = tempfile::tempdir().expect("tmp");
    let n = walks_of(|| {
        kh::run_xlsx(
            kh::XlsxArgs {
                common: kh::ExportCommon {
                    path: examples(),
                    out: out.path().join("dot.xlsx"),
                    force: false,
                },
            },
            opts(),
        )
        .expect("xlsx");
    });
    assert_eq!(n, 1, "export xlsx");
    let n = walks_of(|| {
        kh::publish(
            kh::PublishArgs {
                path: examples(),
                out: out.path().join("site"),
                all: true,
                date: None,
            },
            opts(),
        )
        .expect("publish");
    });
    assert_eq!(n, 1, "publish");
    let n = walks_of(|| {
        kh::check_round(&examples(), opts()).expect("check");
    });
    assert_eq!(n, 1, "validate's check");
}
