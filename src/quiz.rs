//! The quiz: pure question logic with a seeded random generator, so tests can replay
//! a session exactly.

use serde::{Deserialize, Serialize};

use crate::finder::{Coverage, PainMark, Place, coverage, place_in};
use crate::model::{Atlas, MuscleId, Side, ViewId, ZoneKind};

/// The two kinds of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuizKind {
    /// Shown a referral pattern, pick the muscle among four.
    NameTheMuscle,
    /// Shown a muscle, click where it refers pain.
    FindThePain,
}

/// One question.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    NameTheMuscle {
        answer: MuscleId,
        side: Side,
        choices: Vec<MuscleId>,
    },
    FindThePain {
        muscle: MuscleId,
        side: Side,
    },
}

impl Question {
    /// The muscle the question is about.
    #[must_use]
    pub fn muscle(&self) -> &MuscleId {
        match self {
            Question::NameTheMuscle { answer, .. } => answer,
            Question::FindThePain { muscle, .. } => muscle,
        }
    }

    /// The side the pattern is shown on.
    #[must_use]
    pub fn side(&self) -> Side {
        match self {
            Question::NameTheMuscle { side, .. } | Question::FindThePain { side, .. } => *side,
        }
    }
}

/// How an answer went, for the feedback line.
#[derive(Clone, Debug, PartialEq)]
pub enum Feedback {
    Correct,
    /// In the spillover zone: counted as correct, with a note.
    CorrectSpillover,
    /// Wrong; the right muscle (for naming questions).
    Wrong {
        right: Option<MuscleId>,
    },
}

impl Feedback {
    /// Whether the answer scores a point.
    #[must_use]
    pub fn scores(&self) -> bool {
        !matches!(self, Feedback::Wrong { .. })
    }
}

/// Running totals kept between sessions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuizRecord {
    pub asked: u32,
    pub correct: u32,
}

/// A small, fast, seedable generator (xorshift64*): plenty for picking questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, as xorshift cannot leave it).
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x % n.max(1) as u64) as usize
    }
}

/// Makes the next question from the muscles of `region` (all when `None`).
#[must_use]
pub fn next_question(
    atlas: &Atlas,
    kind: QuizKind,
    region: Option<&str>,
    rng: &mut Rng,
) -> Option<Question> {
    let pool: Vec<&MuscleId> = atlas
        .muscles
        .iter()
        .filter(|m| region.is_none_or(|r| m.region == r))
        .map(|m| &m.id)
        .collect();
    next_question_in(atlas, kind, &pool, rng)
}

/// Makes the next question about one of the muscles of `pool`.
#[must_use]
pub fn next_question_in(
    atlas: &Atlas,
    kind: QuizKind,
    pool: &[&MuscleId],
    rng: &mut Rng,
) -> Option<Question> {
    if pool.is_empty() {
        return None;
    }
    let answer = pool[rng.below(pool.len())].clone();
    let side = if rng.below(2) == 0 {
        Side::Right
    } else {
        Side::Left
    };
    Some(match kind {
        QuizKind::FindThePain => Question::FindThePain {
            muscle: answer,
            side,
        },
        QuizKind::NameTheMuscle => {
            // Distractors from the answer's own body region, so the choice is between
            // neighbours (a shoulder pattern against other shoulder muscles), taken from
            // the pool where it has three of them; else from the whole region, else from
            // the whole atlas.
            let region = atlas.muscle(&answer).map(|m| m.region.as_str());
            let same_region = |id: &&MuscleId| {
                **id != answer && atlas.muscle(id).map(|m| m.region.as_str()) == region
            };
            let in_pool: Vec<&MuscleId> = pool.iter().copied().filter(same_region).collect();
            let in_region: Vec<&MuscleId> = atlas
                .muscles
                .iter()
                .map(|m| &m.id)
                .filter(same_region)
                .collect();
            let others: Vec<&MuscleId> = if in_pool.len() >= 3 {
                in_pool
            } else if pool.len() >= 4 {
                pool.iter().copied().filter(|m| **m != answer).collect()
            } else if in_region.len() >= 3 {
                in_region
            } else {
                atlas
                    .muscles
                    .iter()
                    .map(|m| &m.id)
                    .filter(|m| **m != answer)
                    .collect()
            };
            let mut choices = vec![answer.clone()];
            let mut left = others;
            while choices.len() < 4 && !left.is_empty() {
                choices.push(left.swap_remove(rng.below(left.len())).clone());
            }
            // Put the answer in a random place.
            let n = choices.len();
            choices.swap(0, rng.below(n));
            Question::NameTheMuscle {
                answer,
                side,
                choices,
            }
        }
    })
}

/// Judges a naming answer.
#[must_use]
pub fn judge_choice(question: &Question, picked: &MuscleId) -> Feedback {
    match question {
        Question::NameTheMuscle { answer, .. } if answer == picked => Feedback::Correct,
        _ => Feedback::Wrong {
            right: Some(question.muscle().clone()),
        },
    }
}

/// Judges a click: inside the pattern (on the question's side) scores.
#[must_use]
pub fn judge_click(atlas: &Atlas, question: &Question, mark: &PainMark) -> Feedback {
    let Some(muscle) = atlas.muscle(question.muscle()) else {
        return Feedback::Wrong { right: None };
    };
    match coverage(atlas, muscle, question.side(), mark) {
        Coverage::Essential => Feedback::Correct,
        Coverage::Spillover => Feedback::CorrectSpillover,
        Coverage::Outside => Feedback::Wrong { right: None },
    }
}

/// Where the user clicked for a "find the pain" question is judged as a disc of this
/// radius (body units).
const CLICK_RADIUS: f32 = 10.0;

/// Questions in a round; at its end the quiz lists the ones missed.
pub const ROUND: usize = 10;

/// The quiz in progress.
#[derive(Clone, Debug)]
pub struct QuizState {
    pub kind: QuizKind,
    pub region: Option<String>,
    /// A functional group the questions are limited to (by id), besides the region.
    pub group: Option<String>,
    pub rng: Rng,
    pub question: Option<Question>,
    pub feedback: Option<Feedback>,
    /// Where the user clicked for a "find the pain" question.
    pub click: Option<PainMark>,
    /// This session: (correct, asked).
    pub session: (u32, u32),
    /// The questions missed in this round (a round is [`ROUND`] answers), for the
    /// review at its end.
    pub missed: Vec<Question>,
    /// Answers given in this round.
    pub answered_in_round: usize,
}

impl QuizState {
    /// A quiz whose questions come from `seed` (tests use a fixed one).
    #[must_use]
    pub fn with_seed(seed: u64) -> Self {
        Self {
            kind: QuizKind::NameTheMuscle,
            region: None,
            group: None,
            rng: Rng::new(seed),
            question: None,
            feedback: None,
            click: None,
            session: (0, 0),
            missed: Vec::new(),
            answered_in_round: 0,
        }
    }

    /// Asks the next question of the chosen kind and region; returns it.
    pub fn ask(&mut self, atlas: &Atlas) -> Option<&Question> {
        let group = self.group.as_deref().and_then(|id| atlas.group(id));
        let pool: Vec<&MuscleId> = atlas
            .muscles
            .iter()
            .filter(|m| self.region.as_ref().is_none_or(|r| &m.region == r))
            .filter(|m| group.is_none_or(|g| g.members.contains(&m.id)))
            .map(|m| &m.id)
            .collect();
        self.question = next_question_in(atlas, self.kind, &pool, &mut self.rng);
        self.feedback = None;
        self.click = None;
        self.question.as_ref()
    }

    /// Answers a naming question with `picked` (once per question).
    pub fn choose(&mut self, picked: &MuscleId, record: &mut QuizRecord) {
        if self.feedback.is_none()
            && let Some(q) = &self.question
        {
            let feedback = judge_choice(q, picked);
            self.score(feedback, record);
        }
    }

    /// Answers a "find the pain" question with a click at `pos_in_body` on the panel
    /// of `view` showing `panel_side` (once per question).
    pub fn click(
        &mut self,
        atlas: &Atlas,
        view: &ViewId,
        panel_side: Side,
        pos_in_body: emath::Pos2,
        record: &mut QuizRecord,
    ) {
        if self.feedback.is_none()
            && let Some(q) = &self.question
            && matches!(q, Question::FindThePain { .. })
        {
            let mark = PainMark {
                view: view.clone(),
                panel_side,
                pos: pos_in_body,
                radius: CLICK_RADIUS,
            };
            let feedback = judge_click(atlas, q, &mark);
            self.click = Some(mark);
            self.score(feedback, record);
        }
    }

    /// Answers a "find the pain" question with a named area, as a keyboard user does.
    /// An area the pattern's own zones name scores by that zone (essential or
    /// spillover), and the mark goes there, wherever the atlas's usual place for the
    /// name lies; another area is judged where its place lies, as a click would be.
    pub fn answer_place(&mut self, atlas: &Atlas, place: &Place, record: &mut QuizRecord) {
        let Some(q) = self.question.clone() else {
            return;
        };
        if self.feedback.is_some() || !matches!(q, Question::FindThePain { .. }) {
            return;
        }
        let own = atlas
            .muscle(q.muscle())
            .and_then(|m| place_in(m, &place.area));
        let at = own.as_ref().map_or(place, |(own, _)| own);
        let Some(mark) = at.mark(atlas, q.side(), CLICK_RADIUS) else {
            return;
        };
        let feedback = match own {
            Some((_, ZoneKind::Essential)) => Feedback::Correct,
            Some((_, ZoneKind::Spillover)) => Feedback::CorrectSpillover,
            None => judge_click(atlas, &q, &mark),
        };
        self.click = Some(mark);
        self.score(feedback, record);
    }

    /// Scores an answer, in this session and in the kept record.
    fn score(&mut self, feedback: Feedback, record: &mut QuizRecord) {
        let scored = u32::from(feedback.scores());
        self.session.0 += scored;
        self.session.1 += 1;
        // The kept totals come from a file a person may edit: they stop at the
        // largest count instead of overflowing.
        record.correct = record.correct.saturating_add(scored);
        record.asked = record.asked.saturating_add(1);
        if !feedback.scores()
            && let Some(q) = &self.question
        {
            self.missed.push(q.clone());
        }
        self.answered_in_round += 1;
        self.feedback = Some(feedback);
    }

    /// Whether the round is over (its review is shown until the next question).
    #[must_use]
    pub fn round_over(&self) -> bool {
        self.answered_in_round >= ROUND && self.feedback.is_some()
    }

    /// Starts a new round: the count and the missed list begin again.
    pub fn new_round(&mut self) {
        self.answered_in_round = 0;
        self.missed.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_atlas;

    #[test]
    fn kept_totals_at_their_largest_stay_there_instead_of_overflowing() {
        let mut quiz = QuizState::with_seed(1);
        let mut record = QuizRecord {
            asked: u32::MAX,
            correct: u32::MAX,
        };
        quiz.score(Feedback::Correct, &mut record);
        assert_eq!((record.asked, record.correct), (u32::MAX, u32::MAX));
        assert_eq!(quiz.session, (1, 1), "the session still counts");
    }

    #[test]
    fn the_same_seed_gives_the_same_questions() {
        let atlas = load_atlas(None).atlas;
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..20 {
            assert_eq!(
                next_question(&atlas, QuizKind::NameTheMuscle, None, &mut a),
                next_question(&atlas, QuizKind::NameTheMuscle, None, &mut b)
            );
        }
    }

    #[test]
    fn naming_questions_offer_four_different_muscles_including_the_answer() {
        let atlas = load_atlas(None).atlas;
        let mut rng = Rng::new(42);
        for _ in 0..50 {
            let Some(Question::NameTheMuscle {
                answer, choices, ..
            }) = next_question(
                &atlas,
                QuizKind::NameTheMuscle,
                Some("Head and neck"),
                &mut rng,
            )
            else {
                panic!("a naming question");
            };
            assert_eq!(choices.len(), 4);
            assert!(choices.contains(&answer));
            let mut unique = choices.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 4);
            assert_eq!(
                atlas.muscle(&answer).map(|m| m.region.as_str()),
                Some("Head and neck")
            );
        }
    }
}
