//! Calendar dates, typed once: the config parses the document date, the report
//! prints it and the corrected workbooks' Temuan sheet carries it; a decision on a
//! finding records the day it was made.

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date (no time zone: the PDF dates are written as local midnight, WIB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocumentDate {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl DocumentDate {
    /// A date written `YYYY-MM-DD`, from 1900 on (spreadsheets count their dates
    /// from 1900).
    pub fn from_iso(s: &str) -> Option<DocumentDate> {
        let b = s.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return None;
        }
        let (year, month, day): (i32, u32, u32) = (
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..].parse().ok()?,
        );
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        (year >= 1900 && (1..=days).contains(&day)).then_some(DocumentDate { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Today in UTC. Without a time-zone database the local date is not known;
    /// in WIB (UTC+7) the two agree from 07:00 to midnight, office hours included.
    pub fn today() -> DocumentDate {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
    }

    /// The date `days` days after 1970-01-01.
    fn from_days(days: i64) -> DocumentDate {
        let (year, month, day) = civil_from_days(days);
        DocumentDate {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month,
            day,
        }
    }
}

/// The year, month and day `days` days after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_are_calendar_dates() {
        let d = |year, month, day| DocumentDate { year, month, day };
        assert_eq!(DocumentDate::from_days(0), d(1970, 1, 1));
        assert_eq!(DocumentDate::from_days(19_782), d(2024, 2, 29));
        assert_eq!(DocumentDate::from_days(19_783), d(2024, 3, 1));
        assert_eq!(DocumentDate::from_days(10_956), d(1999, 12, 31));
        assert_eq!(d(2024, 2, 29).iso(), "2024-02-29");
        assert_eq!(DocumentDate::from_iso("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(DocumentDate::from_iso("2023-02-29"), None);
        assert!(DocumentDate::today().year >= 2025);
    }
}
