//! Prints the JSON Schema of the nomination format, for the benchmark's
//! `taplo lint` comparison. The schema is kh's own (`kh schema nomination`):
//! `cargo run --example schema > nomination.schema.json`

fn main() {
    let schema = kh::nomination_schema(kh::Lang::Vi);
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    );
}
