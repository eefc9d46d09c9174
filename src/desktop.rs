//! The desktop around the program, for the front ends: whether it was started by
//! a double-click in Explorer, opening a page in the default browser, and the
//! Windows console's colours. Everything system-specific the front ends need
//! lives here; the stages and the HTTP code know nothing of it.

use crate::finding::{Lang, Message};
use std::io::Write;

/// Whether Explorer started this process (a double-click): Windows gave it a
/// console of its own, which no other process shares. Started from a terminal
/// (cmd.exe, PowerShell, Windows Terminal), the shell shares the console.
#[cfg(windows)]
pub fn started_from_explorer() -> bool {
    let mut ids = [0u32; 2];
    // SAFETY: the list is valid for its length, and the call writes at most that
    // many ids (it returns the count, which may be larger).
    let count = unsafe { windows::GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    count == 1
}

/// Elsewhere nothing starts a program without a terminal and arguments.
#[cfg(not(windows))]
pub fn started_from_explorer() -> bool {
    false
}

/// Opens `url` in the default browser, and says so (or why not) on stdout: the
/// window then shows the address, that the page opened, and how to stop.
pub fn open_in_browser(url: &str) {
    let said = match open(url) {
        Ok(()) => Message::new(
            "halaman dibuka di peramban bawaan",
            "the page is opened in the default browser",
        ),
        Err(e) => Message::new(
            format!("peramban tidak dapat dibuka otomatis ({e}); buka alamat di atas sendiri"),
            format!("the browser cannot be opened ({e}); open the address above yourself"),
        ),
    };
    // The serve banner is in Indonesian; so is this line that follows it.
    let _ = writeln!(std::io::stdout(), "{}", said.get(Lang::Id));
}

/// Windows: the shell's own way (ShellExecute), which opens the default
/// browser for an http address; no command line to quote.
#[cfg(windows)]
fn open(url: &str) -> std::io::Result<()> {
    let wide = |s: &str| -> Vec<u16> { s.encode_utf16().chain([0]).collect() };
    let (verb, file) = (wide("open"), wide(url));
    const SW_SHOWNORMAL: i32 = 1;
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; the
    // other pointers may be null.
    let done = unsafe {
        windows::ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWNORMAL,
        )
    };
    // Above 32 is success; at or below, an error code.
    if done > 32 {
        Ok(())
    } else {
        Err(std::io::Error::from_raw_os_error(done as i32))
    }
}

/// macOS `open`, elsewhere `xdg-open`: started and left to finish on its own
/// thread (some wait for the browser), its chatter kept out of the window.
#[cfg(not(windows))]
fn open(url: &str) -> std::io::Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| std::io::Error::new(e.kind(), format!("{opener}: {e}")))?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Keeps the window of a double-clicked program open until Enter: it closes
/// with the program, and a message must stay readable.
pub fn wait_for_enter(lang: Lang) {
    let said = Message::new(
        "Tekan Enter untuk menutup jendela ini.",
        "Press Enter to close this window.",
    );
    eprintln!("{}", said.get(lang));
    let _ = std::io::stdin().read_line(&mut String::new());
}

/// Whether the console shows the ANSI colours of the findings. Windows 10 and
/// later do once asked (virtual terminal processing); older consoles would print
/// the codes, so they get none.
#[cfg(windows)]
pub fn console_shows_colours() -> bool {
    const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
    const ENABLE_VIRTUAL_TERMINAL_PROCESSING: u32 = 0x0004;
    // SAFETY: the handle is the process's own stdout; the mode is read into a
    // local and written back with one more flag.
    unsafe {
        let out = windows::GetStdHandle(STD_OUTPUT_HANDLE);
        let mut mode = 0u32;
        windows::GetConsoleMode(out, &mut mode) != 0
            && windows::SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
    }
}

/// Terminals elsewhere show them.
#[cfg(not(windows))]
pub fn console_shows_colours() -> bool {
    true
}

/// The few Windows calls used here (kernel32 and shell32, which every Windows
/// has).
#[cfg(windows)]
mod windows {
    use std::ffi::c_void;

    #[link(name = "kernel32")]
    extern "system" {
        pub fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
        pub fn GetStdHandle(which: u32) -> *mut c_void;
        pub fn GetConsoleMode(console: *mut c_void, mode: *mut u32) -> i32;
        pub fn SetConsoleMode(console: *mut c_void, mode: u32) -> i32;
    }

    #[link(name = "shell32")]
    extern "system" {
        pub fn ShellExecuteW(
            window: *mut c_void,
            verb: *const u16,
            file: *const u16,
            parameters: *const u16,
            folder: *const u16,
            show: i32,
        ) -> isize;
    }
}
