/// The hash of the generated name maps: a seeded multiply-rotate over 8-byte
/// little-endian words, with a final avalanche. Portable (the same on every target) and
/// cheap for short names, unlike SipHash, which name lookups do not need: the maps are
/// built from known keys, and a lookup always compares the key it lands on.
///
/// This file is the one definition: the generator includes it to build the maps, and
/// pastes it into the generated code that reads them.
#[inline]
pub(crate) const fn name_hash(bytes: &[u8], seed: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let w = u64::from_le_bytes([
            bytes[i],
            bytes[i + 1],
            bytes[i + 2],
            bytes[i + 3],
            bytes[i + 4],
            bytes[i + 5],
            bytes[i + 6],
            bytes[i + 7],
        ]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
        i += 8;
    }
    let mut tail = 0u64;
    let mut shift = 0;
    while i < bytes.len() {
        tail |= (bytes[i] as u64) << shift;
        shift += 8;
        i += 1;
    }
    h = (h ^ tail).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// The slot of a hash: the bucket's pilot moves the key to a free slot (PtrHash-style).
/// `pilots` holds one pilot per bucket (its length is the number of buckets); `slots` is
/// the number of slots.
#[inline]
pub(crate) const fn name_slot(hash: u64, pilots: &[u16], slots: usize) -> usize {
    let bucket = (((hash >> 32) * pilots.len() as u64) >> 32) as usize;
    let pilot = (pilots[bucket] as u64 + 1).wrapping_mul(0x517c_c1b7_2722_0a95);
    ((((hash as u32) ^ ((pilot >> 32) as u32)) as u64 * slots as u64) >> 32) as usize
}
