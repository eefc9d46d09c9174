fn main() {
    std::process::exit(kinerja::cli::main());
}
