//! `kinerja serve`: the web page (see [`crate::serve`]).

use crate::cli::{Common, ServeArgs};
use crate::error::Error;
use std::time::Duration;

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

/// `90s`, `30m`, `1h` (a bare number is minutes).
pub fn duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "m"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("not a duration: {text:?} (such as 1h, 30m, 90s)"))?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        _ => return Err(format!("unknown unit in {text:?} (s, m or h)")),
    };
    Ok(Duration::from_secs(n.saturating_mul(seconds)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_with_their_unit() {
        assert_eq!(duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("15"), Ok(Duration::from_secs(900)));
        assert!(duration("1d").is_err());
        assert!(duration("h").is_err());
    }
}
