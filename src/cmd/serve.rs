//! `kinerja serve`: the web page (see [`crate::serve`]).

use crate::cli::{Common, ServeArgs};
use crate::error::Error;

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
        },
    )
}
