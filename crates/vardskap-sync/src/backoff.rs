//! How long to wait before trying an unreachable LRS again.

use std::time::Duration;

/// Exponential backoff with full jitter.
///
/// The ceiling starts at `base` (2 s) and doubles after each failure up to
/// `cap` (5 min); each delay is drawn uniformly between [`Backoff::MIN_DELAY`]
/// and the ceiling ("full jitter"), so many installations that lost the same
/// LRS at the same moment do not all come back at once. A success resets it.
///
/// A pure value: it only computes delays; the caller sleeps.
#[derive(Clone, Debug)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    failures: u32,
    rng: fastrand::Rng,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::new(Backoff::BASE, Backoff::CAP)
    }
}

impl Backoff {
    /// The first ceiling: 2 s.
    pub const BASE: Duration = Duration::from_secs(2);
    /// The largest ceiling: 5 min.
    pub const CAP: Duration = Duration::from_secs(300);
    /// No delay is shorter than this (500 ms, or the ceiling when that is
    /// shorter), so a failure never turns into a busy loop.
    pub const MIN_DELAY: Duration = Duration::from_millis(500);

    /// A backoff from `base` doubling up to `cap`, jittered from a random seed.
    pub fn new(base: Duration, cap: Duration) -> Self {
        Backoff::with_rng(base, cap, fastrand::Rng::new())
    }

    /// The same with a given random generator (a seeded one for tests).
    pub fn with_rng(base: Duration, cap: Duration, rng: fastrand::Rng) -> Self {
        Backoff {
            base,
            cap: cap.max(base),
            failures: 0,
            rng,
        }
    }

    /// The failures counted since the last reset.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// The ceiling of the next delay, before jitter: `base · 2^failures`,
    /// at most `cap`.
    pub fn ceiling(&self) -> Duration {
        // 2^31 times anything is beyond any cap; saturate instead of overflowing.
        let factor = 1u32.checked_shl(self.failures.min(31)).unwrap_or(u32::MAX);
        self.base.saturating_mul(factor).min(self.cap)
    }

    /// Counts a failure and returns how long to wait before the next try:
    /// uniform in `[min(MIN_DELAY, ceiling), ceiling]`.
    pub fn next_delay(&mut self) -> Duration {
        let ceiling = self.ceiling();
        self.failures = self.failures.saturating_add(1);
        let floor = Backoff::MIN_DELAY.min(ceiling);
        let span = u64::try_from((ceiling - floor).as_millis()).unwrap_or(u64::MAX);
        floor.saturating_add(Duration::from_millis(self.rng.u64(0..=span)))
    }

    /// After a success: the next failure waits at most `base` again.
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded() -> Backoff {
        Backoff::with_rng(Backoff::BASE, Backoff::CAP, fastrand::Rng::with_seed(7))
    }

    #[test]
    fn the_ceiling_doubles_from_2_s_up_to_5_min() {
        let mut b = seeded();
        let mut ceilings = Vec::new();
        for _ in 0..12 {
            ceilings.push(b.ceiling().as_secs());
            b.next_delay();
        }
        assert_eq!(
            ceilings,
            [2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]
        );
        assert_eq!(b.failures(), 12);
    }

    #[test]
    fn many_failures_stay_at_the_cap() {
        let mut b = seeded();
        for _ in 0..10_000 {
            assert!(b.next_delay() <= Backoff::CAP);
        }
        assert_eq!(b.ceiling(), Backoff::CAP);
        let mut huge = Backoff::with_rng(
            Duration::from_secs(u64::MAX / 4),
            Duration::MAX,
            fastrand::Rng::with_seed(1),
        );
        for _ in 0..100 {
            huge.next_delay();
        }
        assert_eq!(huge.ceiling(), Duration::MAX);
    }

    #[test]
    fn delays_are_jittered_within_their_bounds() {
        for failures in 0..10 {
            let mut ceiling = Duration::ZERO;
            let draws: Vec<Duration> = (0..300)
                .map(|seed| {
                    let mut b = Backoff::with_rng(
                        Backoff::BASE,
                        Backoff::CAP,
                        fastrand::Rng::with_seed(seed),
                    );
                    for _ in 0..failures {
                        b.next_delay();
                    }
                    ceiling = b.ceiling();
                    b.next_delay()
                })
                .collect();
            let lo = *draws.iter().min().expect("draws");
            let hi = *draws.iter().max().expect("draws");
            assert!(lo >= Backoff::MIN_DELAY, "{lo:?} below the floor");
            assert!(hi <= ceiling, "{hi:?} above {ceiling:?}");
            // Spread over the range, not a constant.
            let range = ceiling - Backoff::MIN_DELAY;
            assert!(hi - lo > range * 3 / 4, "{lo:?}..{hi:?} of {ceiling:?}");
            let mean = draws.iter().sum::<Duration>() / draws.len() as u32;
            let mid = (ceiling + Backoff::MIN_DELAY) / 2;
            assert!(
                mean.abs_diff(mid) < range / 8,
                "mean {mean:?}, expected near {mid:?}"
            );
        }
    }

    #[test]
    fn a_success_resets_it() {
        let mut b = seeded();
        for _ in 0..6 {
            b.next_delay();
        }
        assert_eq!(b.ceiling(), Duration::from_secs(128));
        b.reset();
        assert_eq!(b.failures(), 0);
        assert_eq!(b.ceiling(), Backoff::BASE);
        assert!(b.next_delay() <= Backoff::BASE);
        assert_eq!(b.ceiling(), Duration::from_secs(4));
    }

    #[test]
    fn a_tiny_base_still_waits_a_little() {
        let mut b = Backoff::with_rng(
            Duration::from_millis(10),
            Duration::from_millis(40),
            fastrand::Rng::with_seed(3),
        );
        let delays: Vec<_> = (0..5).map(|_| b.next_delay()).collect();
        assert!(delays.iter().all(|d| *d <= Duration::from_millis(40)));
        // The floor is the ceiling when the ceiling is under MIN_DELAY.
        assert_eq!(delays[0], Duration::from_millis(10));
    }

    #[test]
    fn the_same_seed_gives_the_same_delays() {
        let a: Vec<_> = {
            let mut b = seeded();
            (0..20).map(|_| b.next_delay()).collect()
        };
        let b: Vec<_> = {
            let mut b = seeded();
            (0..20).map(|_| b.next_delay()).collect()
        };
        assert_eq!(a, b);
    }
}
