//! How hard a text is to read: the Flesch–Kincaid grade level, the US school grade a
//! reader needs. Patient text (summaries, self-care, warning signs) is held to grade
//! 8 or below by a test; `check` can report it to data authors.

/// The Flesch–Kincaid grade level of `text`:
/// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
/// Empty text is grade 0.
#[must_use]
pub fn grade_level(text: &str) -> f32 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—' || c == '–')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let sentences = text
        .split(['.', '!', '?', ';', ':'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let words_per_sentence = words.len() as f32 / sentences as f32;
    let syllables_per_word = syllables as f32 / words.len() as f32;
    0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
}

/// Syllables in one word, by counting groups of vowels (y counts as a vowel after
/// the first letter), less a silent final e; at least one.
fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.is_empty() {
        // Numbers and symbols ("50", "C5") read as one syllable.
        return 1;
    }
    let is_vowel = |i: usize| {
        let c = letters[i];
        matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') || (c == 'y' && i > 0)
    };
    let mut count: usize = 0;
    let mut previous = false;
    for i in 0..letters.len() {
        let vowel = is_vowel(i);
        if vowel && !previous {
            count += 1;
        }
        previous = vowel;
    }
    let n = letters.len();
    // A final "e" is silent ("bone", "muscle" keeps its "le" syllable).
    if n > 2
        && letters[n - 1] == 'e'
        && !is_vowel(n - 2)
        && (letters[n - 2] != 'l' || is_vowel(n - 3))
    {
        count = count.saturating_sub(1);
    }
    // "-ed" after a consonant other than t or d is silent ("pressed", "tired").
    if n > 3 && word.ends_with("ed") && !matches!(letters[n - 3], 't' | 'd') && !is_vowel(n - 3) {
        count = count.saturating_sub(1);
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_common_words() {
        for (word, n) in [
            ("pain", 1),
            ("muscle", 2),
            ("shoulder", 2),
            ("headache", 2),
            ("temple", 2),
            ("bone", 1),
            ("pressed", 1),
            ("rested", 2),
            ("trigger", 2),
            ("easy", 2),
            ("injection", 3),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn short_plain_sentences_read_easier_than_long_latinate_ones() {
        let plain = "A knot in the muscle can hurt. The pain can be felt far away. Rest helps.";
        let hard = "Myofascial trigger points characteristically demonstrate referred nociceptive phenomena, predominantly ipsilateral, necessitating comprehensive differential evaluation.";
        assert!(grade_level(plain) < 4.0, "{}", grade_level(plain));
        assert!(grade_level(hard) > 16.0, "{}", grade_level(hard));
        assert!((grade_level("") - 0.0).abs() < f32::EPSILON);
    }
}
