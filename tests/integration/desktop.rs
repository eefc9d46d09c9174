//! Started as desktop users start programs: `kinerja serve --open` opens the
//! page in the default browser (here a stand-in `xdg-open` that records what it
//! was given and whether the page answered at that moment).

use crate::util::Dir;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// A folder holding a stand-in `xdg-open`: it appends its address and `up` or
/// `down` (whether the port took a connection) to `opened.txt` beside it.
pub fn fake_browser(dir: &Path) -> std::path::PathBuf {
    let bin = dir.join("fake-browser");
    std::fs::create_dir_all(&bin).unwrap();
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!(
            "#!/bin/bash\nport=${{1#http://*:}}; port=${{port%%/*}}\nif (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then state=up; else state=down; fi\necho \"$1 $state\" >> '{}'\n",
            bin.join("opened.txt").display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// What the stand-in browser was given, once it has been (up to 20 s).
pub fn opened(bin: &Path) -> String {
    let file = bin.join("opened.txt");
    for _ in 0..2000 {
        if let Ok(text) = std::fs::read_to_string(&file) {
            if text.ends_with('\n') {
                return text;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the browser was never opened");
}

/// Starts `kinerja serve --open` with `path` as PATH; its first two lines.
fn serve_open(dir: &Dir, path: &Path) -> (std::process::Child, [String; 2]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["serve", "--open", "--listen", "127.0.0.1:0"])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("TMPDIR", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = || lines.next().unwrap().unwrap();
    let (first, _, third) = (next(), next(), next());
    (child, [first, third])
}

/// Guards issue 22's `serve --open`: the browser is given the printed address
/// once the server takes connections, and the window says the page was opened.
#[test]
fn serve_open_gives_the_browser_the_address_once_it_listens() {
    let dir = Dir::new();
    let bin = fake_browser(dir.path());
    let (mut child, [banner, said]) = serve_open(&dir, &bin);
    let url = banner
        .strip_prefix("kinerja melayani di ")
        .unwrap_or_else(|| panic!("{banner}"));
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with('/'),
        "{url}"
    );
    assert_eq!(said, "halaman dibuka di peramban bawaan");
    assert_eq!(opened(&bin), format!("{url} up\n"));
    let page = crate::web::http("GET", url, &[], &[]);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(page.status, 200);
}

/// Guards the same without a browser to open: the server goes on, and the
/// window says to open the address by hand.
#[test]
fn serve_open_without_a_browser_says_to_open_the_address_by_hand() {
    let dir = Dir::new();
    let empty = dir.path().join("no-browser");
    std::fs::create_dir(&empty).unwrap();
    let (mut child, [banner, said]) = serve_open(&dir, &empty);
    assert!(
        banner.starts_with("kinerja melayani di http://127.0.0.1:"),
        "{banner}"
    );
    assert_eq!(
        said,
        "peramban tidak dapat dibuka otomatis (xdg-open: No such file or directory (os error 2)); buka alamat di atas sendiri"
    );
    let url = banner.rsplit(' ').next().unwrap();
    let page = crate::web::http("GET", url, &[], &[]);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(page.status, 200);
}
