//! A fast hasher for the small keys profile reading hashes per record (skill spellings, skill
//! ids): the multiply-rotate scheme of rustc's FxHash, eight bytes a step, started from a
//! per-map random seed so that which spellings collide differs from run to run. It is not a
//! keyed cryptographic hash like the standard library's SipHash, which cost 8% of a profile.

use std::hash::{BuildHasher, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// Builds [`FastHasher`]s from one random seed.
#[derive(Debug, Clone, Copy)]
pub struct FastState {
    seed: u64,
}

impl Default for FastState {
    fn default() -> Self {
        FastState {
            seed: std::collections::hash_map::RandomState::new().hash_one(0x6a6f_626d_6174_6368u64),
        }
    }
}

impl BuildHasher for FastState {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher { hash: self.seed }
    }
}

pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(K).rotate_left(26);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length first, so zero padding of the last word cannot make two inputs meet.
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes its bucket from the low bits and its tag from the top seven: mix the
        // high bits down once at the end.
        let h = self.hash;
        (h ^ (h >> 29)).wrapping_mul(K) ^ (h >> 32)
    }
}

/// A `HashMap` with [`FastState`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_spellings_spread_over_low_and_high_bits() {
        // Fixed seeds, so the test is deterministic; spellings that differ in one byte or in
        // length, as skill names do.
        for seed in [0, 1, 0x9e37_79b9_7f4a_7c15] {
            let state = FastState { seed };
            let keys: Vec<String> = (0..20_000)
                .map(|i| format!("skill{i}"))
                .chain((0..64).map(|n| "a".repeat(n)))
                .collect();
            let mut hashes: Vec<u64> = keys.iter().map(|k| state.hash_one(k.as_str())).collect();
            let mut low = vec![0u32; 4096];
            let mut top = vec![0u32; 128];
            for h in &hashes {
                low[(h & 4095) as usize] += 1;
                top[(h >> 57) as usize] += 1;
            }
            // About 4.9 keys a bucket and 157 a tag on average.
            assert!(low.iter().all(|&n| n <= 20), "seed {seed}: low bits clump");
            assert!(top.iter().all(|&n| n <= 260), "seed {seed}: top bits clump");
            hashes.sort_unstable();
            hashes.dedup();
            assert_eq!(hashes.len(), keys.len(), "seed {seed}: a collision");
        }
    }
}
