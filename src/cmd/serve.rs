//! `kinerja serve`: the web page (see [`crate::serve`]).

use crate::cli::{Common, ServeArgs, DEFAULT_LISTEN};
use crate::error::Error;
use std::ffi::OsString;

pub fn run(args: &ServeArgs) -> Result<i32, Error> {
    let cfg = super::load_config(&Common {
        config: args.config.clone(),
        ..Common::default()
    })?;
    crate::serve::serve(
        cfg,
        crate::serve::Options {
            listen: args.listen.clone(),
            keep: args.keep,
            open: args
                .open
                .then_some(crate::desktop::open_in_browser as fn(&str)),
        },
    )
}

/// The arguments a double-click in Explorer stands for: `kinerja serve --open`,
/// with the config beside the program (wherever the shortcut starts it), on the
/// usual port or, when another program holds that one (a second double-click
/// too), on any free port: the browser is given whichever it is.
pub fn from_explorer() -> Vec<OsString> {
    let listen = match std::net::TcpListener::bind(DEFAULT_LISTEN) {
        Ok(_) => DEFAULT_LISTEN,
        Err(_) => "127.0.0.1:0",
    };
    let mut args: Vec<OsString> = ["kinerja", "serve", "--open", "--listen", listen]
        .map(OsString::from)
        .to_vec();
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join("config.toml")))
        .filter(|c| c.is_file());
    if let Some(config) = beside {
        args.extend([OsString::from("--config"), config.into_os_string()]);
    }
    args
}
