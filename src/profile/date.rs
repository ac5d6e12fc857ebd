//! Dates as resumes publish them ("2019-03", "2019", "2019-03-15", "03/2019", "March 2019",
//! "Present" or nothing for an open end) at month precision, and the interval arithmetic that
//! turns work entries into years: a start month up to and including an end month, with
//! overlapping intervals merged so two concurrent jobs do not count twice.

/// A month, counted from year 0 (`year * 12 + month - 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    pub fn new(year: i32, month: u32) -> Month {
        Month(year * 12 + month as i32 - 1)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1–12.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The month containing `unix_seconds` (UTC).
    pub fn from_unix(unix_seconds: i64) -> Month {
        // Howard Hinnant's civil_from_days.
        let z = unix_seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        Month::new(y as i32, m as u32)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// Which end of an interval a date is; a bare year means January as a start, December as an
/// end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    Finish,
}

/// A parsed date: a month, an open end ("Present", empty), or something unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    At(Month),
    Open,
    Unknown,
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const OPEN_WORDS: &[&str] = &[
    "present",
    "now",
    "current",
    "currently",
    "today",
    "ongoing",
    "actual",
    "actuel",
    "aujourd'hui",
    "heute",
    "attuale",
    "oggi",
    "atual",
    "presente",
    "actualidad",
    "至今",
    "现在",
    "現在",
    "현재",
];

/// Reads one published date; `None` input (a missing field) is open.
pub fn parse_date(text: Option<&str>, end: End) -> DateValue {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return DateValue::Open;
    };
    let year_only = |y: i32| match end {
        End::Start => Month::new(y, 1),
        End::Finish => Month::new(y, 12),
    };
    // The usual forms, "2019" and "2019-03", read without the allocations of the general
    // reading below (to the same result).
    let b = text.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let number = |s: &[u8]| s.iter().fold(0, |n, d| n * 10 + (d - b'0') as i32);
    if b.len() >= 4
        && digits(&b[..4])
        && (b.len() == 4 || (b.len() == 7 && b[4] == b'-' && digits(&b[5..])))
    {
        let y = number(&b[..4]);
        if !(1900..=2200).contains(&y) {
            return DateValue::Unknown;
        }
        if b.len() == 4 {
            return DateValue::At(year_only(y));
        }
        let m = number(&b[5..]);
        return if (1..=12).contains(&m) {
            DateValue::At(Month::new(y, m as u32))
        } else {
            DateValue::Unknown
        };
    }
    let lower = text.to_lowercase();
    if OPEN_WORDS.contains(&lower.as_str()) {
        return DateValue::Open;
    }
    let nums: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let word_month = MONTHS.iter().position(|m| {
        lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 3 && w.starts_with(m))
    });
    let year_of = |s: &str| {
        s.parse::<i32>()
            .ok()
            .filter(|y| s.len() == 4 && (1900..=2200).contains(y))
    };
    let month_of = |s: &str| s.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
    let found = match nums.as_slice() {
        [y] => year_of(y).map(|y| match word_month {
            Some(m) => Month::new(y, m as u32 + 1),
            None => year_only(y),
        }),
        // 2019-03, 2019-03-15, 2019/03
        [y, m, ..] if year_of(y).is_some() => {
            month_of(m).map(|m| Month::new(year_of(y).unwrap_or_default(), m))
        }
        // 03/2019, 15/03/2019 (day first), March 15, 2019
        [m, y] if year_of(y).is_some() => match word_month {
            Some(w) => Some(Month::new(year_of(y).unwrap_or_default(), w as u32 + 1)),
            None => month_of(m).map(|m| Month::new(year_of(y).unwrap_or_default(), m)),
        },
        [_, m, y] if year_of(y).is_some() => {
            month_of(m).map(|m| Month::new(year_of(y).unwrap_or_default(), m))
        }
        _ => None,
    };
    match found {
        Some(m) => DateValue::At(m),
        None => DateValue::Unknown,
    }
}

/// `start..=end` in months, from published dates; `None` when the start is missing or
/// unreadable, or the end comes before the start. An open end is `as_of`.
pub fn interval(start: Option<&str>, end: Option<&str>, as_of: Month) -> Option<(Month, Month)> {
    let start = match parse_date(start, End::Start) {
        DateValue::At(m) => m,
        _ => return None,
    };
    let end = match parse_date(end, End::Finish) {
        DateValue::At(m) => m.min(as_of),
        DateValue::Open => as_of,
        DateValue::Unknown => return None,
    };
    (end >= start).then_some((start, end))
}

/// Total months covered by `intervals` (inclusive at both ends), overlaps counted once.
/// Sorts `intervals` in place.
pub fn merged_months(intervals: &mut [(Month, Month)]) -> i32 {
    intervals.sort_unstable();
    let mut total = 0;
    let mut current: Option<(Month, Month)> = None;
    for &(s, e) in intervals.iter() {
        current = match current {
            Some((cs, ce)) if s.0 <= ce.0 + 1 => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce.0 - cs.0 + 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((cs, ce)) = current {
        total += ce.0 - cs.0 + 1;
    }
    total
}

/// Months as years, to one decimal.
pub fn years(months: i32) -> f32 {
    (months as f32 / 12.0 * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo)
    }

    #[test]
    fn published_date_shapes() {
        use DateValue::*;
        let cases = [
            ("2019-03", End::Start, At(m(2019, 3))),
            ("2019-03-15", End::Start, At(m(2019, 3))),
            ("2019", End::Start, At(m(2019, 1))),
            ("2019", End::Finish, At(m(2019, 12))),
            ("03/2010", End::Start, At(m(2010, 3))),
            ("August 2018", End::Start, At(m(2018, 8))),
            ("March 17, 2021", End::Start, At(m(2021, 3))),
            ("1989-09-31", End::Finish, At(m(1989, 9))),
            ("Present", End::Finish, Open),
            ("", End::Finish, Open),
            ("someday", End::Start, Unknown),
            ("2019-13", End::Start, Unknown),
            ("2019-00", End::Start, Unknown),
            (" 2019-12 ", End::Finish, At(m(2019, 12))),
            ("1899", End::Start, Unknown),
            ("1899-05", End::Start, Unknown),
            ("2201-01", End::Start, Unknown),
            ("2200", End::Finish, At(m(2200, 12))),
            ("20190", End::Start, Unknown),
            ("2019-3", End::Start, At(m(2019, 3))),
            ("2019.03", End::Start, At(m(2019, 3))),
        ];
        for (text, end, want) in cases {
            assert_eq!(parse_date(Some(text), end), want, "{text}");
        }
        assert_eq!(parse_date(None, End::Finish), Open);
    }

    #[test]
    fn intervals_and_open_ends() {
        let now = m(2024, 6);
        assert_eq!(
            interval(Some("2019-03"), Some("2021-02"), now),
            Some((m(2019, 3), m(2021, 2)))
        );
        assert_eq!(
            interval(Some("2023-01"), None, now),
            Some((m(2023, 1), now))
        );
        assert_eq!(
            interval(Some("2023-01"), Some("Present"), now),
            Some((m(2023, 1), now))
        );
        assert_eq!(interval(None, Some("2020"), now), None);
        assert_eq!(interval(Some("2021"), Some("2019"), now), None);
        // An end in the future is clamped to today.
        assert_eq!(
            interval(Some("2024-01"), Some("2026-08"), now),
            Some((m(2024, 1), now))
        );
    }

    #[test]
    fn overlapping_intervals_merge() {
        let mut v = vec![
            (m(2019, 1), m(2019, 12)),
            (m(2019, 6), m(2020, 5)),
            (m(2022, 1), m(2022, 12)),
        ];
        assert_eq!(merged_months(&mut v), 17 + 12);
        let mut adjacent = vec![(m(2020, 1), m(2020, 6)), (m(2020, 7), m(2020, 12))];
        assert_eq!(merged_months(&mut adjacent), 12);
        assert_eq!(merged_months(&mut []), 0);
        assert_eq!(years(30), 2.5);
    }

    #[test]
    fn unix_time_to_month() {
        assert_eq!(Month::from_unix(0), m(1970, 1));
        assert_eq!(Month::from_unix(1_709_251_200), m(2024, 3)); // 2024-03-01
        assert_eq!(m(2024, 3).to_string(), "2024-03");
    }
}
