//! Arithmetic in GF(256) with the Rijndael polynomial x⁸ + x⁴ + x³ + x + 1 (SLIP-39,
//! "Shamir's secret-sharing"), and Lagrange interpolation of byte vectors.
//!
//! Multiplication is branch-free and table-free, so it takes the same time for every secret byte
//! (no cache-timing leak of share values through log/exp tables).

/// The product `a · b` in GF(256): shift-and-add with masks instead of branches.
pub(super) fn mul(a: u8, b: u8) -> u8 {
    let (mut a, mut b, mut product) = (a, b, 0u8);
    for _ in 0..8 {
        product ^= a & 0u8.wrapping_sub(b & 1);
        let carry = 0u8.wrapping_sub(a >> 7);
        a = (a << 1) ^ (carry & 0x1b);
        b >>= 1;
    }
    product
}

/// The inverse of `a` in GF(256) as a²⁵⁴ (a · a²⁵⁴ = a²⁵⁵ = 1); 0 for 0.
pub(super) fn inv(a: u8) -> u8 {
    // a^254 = a^2 · a^4 · … · a^128.
    let (mut square, mut result) = (a, 1u8);
    for _ in 0..7 {
        square = mul(square, square);
        result = mul(result, square);
    }
    result
}

/// Writes into `out` the value at `x` of the polynomials through `points` (one polynomial per
/// byte position): SLIP-39's Interpolate(x, {(xᵢ, yᵢ)}).
///
/// The xᵢ must be pairwise distinct and every yᵢ as long as `out` (the callers check both); if
/// `x` is one of the xᵢ, its yᵢ is the answer.
pub(super) fn interpolate(points: &[(u8, &[u8])], x: u8, out: &mut [u8]) {
    out.fill(0);
    if let Some((_, y)) = points.iter().find(|(xi, _)| *xi == x) {
        for (o, v) in out.iter_mut().zip(y.iter()) {
            *o = *v;
        }
        return;
    }
    for (i, (xi, yi)) in points.iter().enumerate() {
        // The Lagrange basis polynomial of point i at x: ∏ (x − xⱼ) / (xᵢ − xⱼ), j ≠ i.
        // Subtraction is XOR in GF(2⁸). The indices are public; only the yᵢ are secret.
        let (mut numerator, mut denominator) = (1u8, 1u8);
        for (j, (xj, _)) in points.iter().enumerate() {
            if i != j {
                numerator = mul(numerator, x ^ xj);
                denominator = mul(denominator, xi ^ xj);
            }
        }
        let basis = mul(numerator, inv(denominator));
        for (o, v) in out.iter_mut().zip(yi.iter()) {
            *o ^= mul(basis, *v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Multiplication by the textbook method on u16 with reduction at the end.
    fn slow_mul(a: u8, b: u8) -> u8 {
        let mut p: u16 = 0;
        for i in 0..8 {
            if (b >> i) & 1 == 1 {
                p ^= u16::from(a) << i;
            }
        }
        for i in (8..16).rev() {
            if (p >> i) & 1 == 1 {
                p ^= 0x11b << (i - 8);
            }
        }
        p as u8
    }

    #[test]
    fn field_axioms_hold() {
        // FIPS-197 section 4.2: {57} · {83} = {c1}.
        assert_eq!(mul(0x57, 0x83), 0xc1);
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                assert_eq!(mul(a, b), slow_mul(a, b));
            }
            if a != 0 {
                assert_eq!(mul(a, inv(a)), 1, "inverse of {a}");
            }
        }
        assert_eq!(inv(0), 0);
    }

    #[test]
    fn interpolation_recovers_a_line() {
        // f(x) = 7 + 3x on both byte positions: f(1) = 7 ^ 3, f(2) = 7 ^ 6, f(0) = 7.
        let (y1, y2) = ([7 ^ 3, 7 ^ 3], [7 ^ 6, 7 ^ 6]);
        let mut out = [0u8; 2];
        interpolate(&[(1, &y1), (2, &y2)], 0, &mut out);
        assert_eq!(out, [7, 7]);
        interpolate(&[(1, &y1), (2, &y2)], 2, &mut out);
        assert_eq!(out, y2);
    }
}
