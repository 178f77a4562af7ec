//! Month names, English and French, and the month each names.

/// The months, in order.
pub const MONTH_NAMES: [&str; 12] = [
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

/// The first three letters of each of [`MONTH_NAMES`], lowered, as one
/// number each: what [`month_number`] compares a name's with.
const MONTH_HEADS: [u32; 12] = {
    let mut heads = [0; 12];
    let mut m = 0;
    while m < 12 {
        let name = MONTH_NAMES[m].as_bytes();
        heads[m] = head_key([name[0], name[1], name[2]]);
        m += 1;
    }
    heads
};

/// Three bytes, lowered, as one number.
const fn head_key(head: [u8; 3]) -> u32 {
    u32::from_le_bytes([head[0].to_ascii_lowercase(), head[1].to_ascii_lowercase(), head[2].to_ascii_lowercase(), 0])
}

/// Whether `word` is a month's full name, in any case (`March`, `MAY`).
pub fn is_month_name(word: &str) -> bool {
    MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(word))
}

pub fn month_number(name: &str) -> Option<u32> {
    // Its first three letters, lowered as bytes and compared as one number
    // with each month's: every date with a month asks. (A full stop among
    // them, as in `Ma.`, names no month.)
    let head = name.as_bytes().get(..3)?;
    let key = head_key([head[0], head[1], head[2]]);
    MONTH_HEADS.iter().position(|&month| month == key).map(|i| i as u32 + 1).or_else(|| french_month(name))
}

/// French months' names, accented or not (as the patterns match them),
/// with their numbers.
const FRENCH_MONTHS: [(&str, u32); 15] = [
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

/// A French month's number from its whole name, compared without copying
/// it: the word before every year asks [`month_number`].
fn french_month(name: &str) -> Option<u32> {
    FRENCH_MONTHS.iter().find(|(french, _)| french.eq_ignore_ascii_case(name)).map(|&(_, month)| month)
}

/// Whether `word` is a French month's name: French writes the day first,
/// so `mars 3` is no date.
pub(super) fn is_french_month(word: &str) -> bool {
    french_month(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Matched as bytes, a month is the one its first three letters
        /// name, without regard to case, as compared with each.
        #[test]
        fn a_month_is_named_by_its_first_three_letters(
            pick in 0usize..15,
            upper in proptest::collection::vec(proptest::bool::ANY, 3),
            rest in "[a-zé.]{0,3}",
        ) {
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
            let heads = [&months[..], &["ma", "j", "mat"]].concat();
            let cased = heads[pick].chars().zip(upper.iter().chain([&false; 3])).map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c });
            let name: String = cased.chain(rest.chars()).collect();
            let head = name.trim_end_matches('.').as_bytes().get(..3);
            let compared = head.and_then(|h| months.iter().position(|m| h.eq_ignore_ascii_case(m.as_bytes())));
            // Else a French month's whole name (`mai`, `juin`).
            let expected = compared.map(|i| i as u32 + 1).or_else(|| french_month(&name));
            proptest::prop_assert_eq!(month_number(&name), expected, "{:?}", name);
        }
    }
}
