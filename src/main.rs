fn main() -> std::process::ExitCode {
    kh::cli::main()
}
