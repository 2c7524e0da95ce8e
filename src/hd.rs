//! BIP32 hierarchical deterministic keys and BIP44 paths (secp256k1 private derivation only).
//!
//! Derivation is written out by hand from the BIP32 text with HMAC-SHA512 and k256 scalar
//! arithmetic, so every intermediate can be wiped: the HMAC output I, its halves IL and IR, the
//! parent key bytes and the scalars live in [`Zeroizing`] buffers.

use crate::eth::PrivateKey;
use crate::mnemonic::Seed;
use core::fmt;
use hmac::{Hmac, KeyInit, Mac};
use k256::ecdsa::{SigningKey, VerifyingKey};
use k256::elliptic_curve::point::AffineCoordinates;
use k256::elliptic_curve::{ff::PrimeField, BatchNormalize};
use k256::{FieldBytes, NonZeroScalar, ProjectivePoint, Scalar};
use sha2::Sha512;
use zeroize::Zeroizing;

// The HMAC-SHA512 state is keyed with the chain code and fed the parent key. With the `zeroize`
// features of `hmac` and `sha2` (Cargo.toml) its parts wipe themselves on drop: two SHA-512 cores
// and an eager block buffer. hmac 0.13 does not put the `ZeroizeOnDrop` marker on `Hmac` itself,
// so this compile-time check pins the SHA-512 part of that guarantee.
const _: fn() = || {
    fn zeroizes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    zeroizes_on_drop::<Sha512>();
};

/// MetaMask's default HD path for Ethereum accounts: account `i` is `m/44'/60'/0'/0/i`.
pub const METAMASK_HD_PATH: &str = "m/44'/60'/0'/0";

/// The first hardened index, 2^31.
const HARDENED_OFFSET: u32 = 1 << 31;

/// A BIP32 child number: `index` below 2^31 plus a hardened flag. Cannot wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChildNumber {
    index: u32,
    hardened: bool,
}

impl ChildNumber {
    /// A normal (non-hardened) child `index`.
    ///
    /// # Errors
    /// [`HdError::IndexOutOfRange`] if `index` ≥ 2^31.
    pub fn normal(index: u32) -> Result<Self, HdError> {
        if index >= HARDENED_OFFSET {
            return Err(HdError::IndexOutOfRange);
        }
        Ok(Self {
            index,
            hardened: false,
        })
    }

    /// A hardened child `index'` (serialized as `index + 2^31`).
    ///
    /// # Errors
    /// [`HdError::IndexOutOfRange`] if `index` ≥ 2^31.
    pub fn hardened(index: u32) -> Result<Self, HdError> {
        if index >= HARDENED_OFFSET {
            return Err(HdError::IndexOutOfRange);
        }
        Ok(Self {
            index,
            hardened: true,
        })
    }

    /// The index below 2^31 (without the hardened bit).
    pub fn index(self) -> u32 {
        self.index
    }

    /// Whether this is a hardened child.
    pub fn is_hardened(self) -> bool {
        self.hardened
    }

    /// The 32-bit value BIP32 serializes (index + 2^31 when hardened).
    pub fn to_u32(self) -> u32 {
        if self.hardened {
            self.index | HARDENED_OFFSET
        } else {
            self.index
        }
    }

    /// Parses one path component: decimal digits, optionally followed by `'`, `h` or `H`.
    fn parse(component: &str) -> Result<Self, HdError> {
        let (digits, hardened) = match component
            .strip_suffix('\'')
            .or_else(|| component.strip_suffix('h'))
            .or_else(|| component.strip_suffix('H'))
        {
            Some(digits) => (digits, true),
            None => (component, false),
        };
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(HdError::MalformedPath);
        }
        // Accumulate by hand: any overflow of u32 is, a fortiori, an index ≥ 2^31.
        let mut index: u32 = 0;
        for c in digits.bytes() {
            index = index
                .checked_mul(10)
                .and_then(|i| i.checked_add(u32::from(c - b'0')))
                .ok_or(HdError::IndexOutOfRange)?;
        }
        if hardened {
            Self::hardened(index)
        } else {
            Self::normal(index)
        }
    }
}

/// A parsed path like `m/44'/60'/0'/0` (`'`, `h` or `H` mark hardened components).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivationPath(Vec<ChildNumber>);

impl DerivationPath {
    /// Parses `m/...`; rejects any component ≥ 2^31 instead of wrapping it.
    ///
    /// Grammar: `m` followed by zero or more `/` + component, where a component is one or more
    /// ASCII decimal digits optionally followed by `'`, `h` or `H` (hardened). No whitespace, signs,
    /// hex, or empty components.
    ///
    /// # Errors
    /// [`HdError::MalformedPath`] if the string does not follow the grammar (no leading `m`,
    /// `m/`, `m//0`, `+1`, `0x10`, `1''`, ...); [`HdError::IndexOutOfRange`] if a component's
    /// number is 2^31 or more (`m/2147483648`, `m/2147483648'`), however many digits it has.
    pub fn parse(path: &str) -> Result<Self, HdError> {
        let mut parts = path.split('/');
        if parts.next() != Some("m") {
            return Err(HdError::MalformedPath);
        }
        parts
            .map(ChildNumber::parse)
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// A path from its components (the empty list is `m`).
    pub fn from_components(components: Vec<ChildNumber>) -> Self {
        Self(components)
    }

    /// The components, from the root.
    pub fn components(&self) -> &[ChildNumber] {
        &self.0
    }
}

impl core::fmt::Display for DerivationPath {
    /// `m/44'/60'/0'/0` form, with `'` for hardened components.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("m")?;
        for c in &self.0 {
            write!(f, "/{}{}", c.index, if c.hardened { "'" } else { "" })?;
        }
        Ok(())
    }
}

/// The index of an HD account (`i` in `m/44'/60'/0'/0/i`), below 2^31.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct AccountIndex(u32);

impl AccountIndex {
    /// Account `index`.
    ///
    /// # Errors
    /// [`HdError::IndexOutOfRange`] if `index` ≥ 2^31.
    pub fn new(index: u32) -> Result<Self, HdError> {
        if index >= HARDENED_OFFSET {
            return Err(HdError::IndexOutOfRange);
        }
        Ok(Self(index))
    }

    /// The index, below 2^31.
    pub fn get(self) -> u32 {
        self.0
    }
}

/// A BIP32 extended private key. Zeroized on drop; never `Copy`, `Debug` or `Display`.
pub struct ExtendedPrivateKey {
    key: PrivateKey,
    chain_code: Zeroizing<[u8; 32]>,
}

/// HMAC-SHA512 keyed with `key` over the concatenation of `parts`, split into
/// (IL as field bytes, IR), both wiped on drop.
fn hmac_sha512_split(
    key: &[u8],
    parts: &[&[u8]],
) -> Result<(Zeroizing<FieldBytes>, Zeroizing<[u8; 32]>), HdError> {
    // HMAC accepts keys of any length; this cannot fail.
    let mut mac =
        <Hmac<Sha512> as KeyInit>::new_from_slice(key).map_err(|_| HdError::InvalidChild)?;
    for part in parts {
        mac.update(part);
    }
    let i = Zeroizing::new(mac.finalize().into_bytes());
    let mut il = Zeroizing::new(FieldBytes::default());
    let mut ir = Zeroizing::new([0u8; 32]);
    for (dst, src) in il.iter_mut().chain(ir.iter_mut()).zip(i.iter()) {
        *dst = *src;
    }
    Ok((il, ir))
}

/// The BIP32 key step: parse256(IL) + `parent` mod n (for the master key `parent` is 0).
///
/// # Errors
/// [`HdError::InvalidChild`] if parse256(IL) ≥ n or the sum is 0.
fn add_tweak(il: &FieldBytes, parent: &Scalar) -> Result<Zeroizing<NonZeroScalar>, HdError> {
    let tweak = Zeroizing::new(
        Scalar::from_repr(*il)
            .into_option()
            .ok_or(HdError::InvalidChild)?,
    );
    let sum = Zeroizing::new(*tweak + parent);
    NonZeroScalar::new(*sum)
        .into_option()
        .map(Zeroizing::new)
        .ok_or(HdError::InvalidChild)
}

/// A private key from a derived scalar (k256 computes and keeps its public key).
fn private_key(secret: &NonZeroScalar) -> PrivateKey {
    PrivateKey::from_signing_key(SigningKey::from(*secret))
}

impl ExtendedPrivateKey {
    /// Master key from a seed: HMAC-SHA512(key = "Bitcoin seed", seed).
    ///
    /// The left 32 bytes of the HMAC are the master secret key, the right 32 bytes the chain
    /// code (BIP32 "Master key generation").
    ///
    /// # Errors
    /// [`HdError::BadSeedLength`] if `seed` is not 16 to 64 bytes; [`HdError::InvalidChild`] if
    /// the left half is 0 or ≥ n (BIP32: the master key is invalid).
    pub fn master(seed: &[u8]) -> Result<Self, HdError> {
        if !(16..=64).contains(&seed.len()) {
            return Err(HdError::BadSeedLength);
        }
        let (il, chain_code) = hmac_sha512_split(b"Bitcoin seed", &[seed])?;
        Ok(Self {
            key: private_key(&*add_tweak(&il, &Scalar::ZERO)?),
            chain_code,
        })
    }

    /// CKDpriv to one child.
    ///
    /// I = HMAC-SHA512(key = c_par, data), where data is `0x00 ‖ ser256(k_par) ‖ ser32(i)` for a
    /// hardened child and `serP(point(k_par)) ‖ ser32(i)` (33-byte compressed SEC1) otherwise;
    /// the child key is parse256(IL) + k_par mod n and its chain code is IR.
    ///
    /// # Errors
    /// [`HdError::InvalidChild`] if parse256(IL) ≥ n or the child key is 0 (probability below
    /// 2^-127; BIP32 says to proceed with the next index).
    pub fn derive_child(&self, child: ChildNumber) -> Result<Self, HdError> {
        let (secret, chain_code) = self.child_secret(child)?;
        Ok(Self {
            key: private_key(&secret),
            chain_code,
        })
    }

    /// CKDpriv's child key scalar and chain code (see [`Self::derive_child`]).
    fn child_secret(
        &self,
        child: ChildNumber,
    ) -> Result<(Zeroizing<NonZeroScalar>, Zeroizing<[u8; 32]>), HdError> {
        let index = child.to_u32().to_be_bytes();
        let (il, chain_code) = if child.hardened {
            let parent = self.key.to_bytes();
            hmac_sha512_split(
                self.chain_code.as_slice(),
                &[&[0u8], parent.as_slice(), &index],
            )?
        } else {
            // The parent's SEC1 compressed public key, 0x02 | parity of y, then x (built from
            // the coordinates: `to_sec1_point`'s accessors keep sec1's and der's error `Debug`
            // in the .wasm, docs/benchmarks.md).
            let public = self.key.verifying_key();
            let point = public.as_affine();
            let mut compressed = [0u8; 33];
            let x = point.x();
            for (dst, src) in compressed
                .iter_mut()
                .zip([0x02 | point.y_is_odd().unwrap_u8()].iter().chain(x.iter()))
            {
                *dst = *src;
            }
            hmac_sha512_split(self.chain_code.as_slice(), &[&compressed, &index])?
        };
        let secret = add_tweak(&il, self.key.signing_key().as_nonzero_scalar().as_ref())?;
        Ok((secret, chain_code))
    }

    /// The public keys of the children `children` of this node, in order: the same keys as
    /// `derive_child(c).private_key().verifying_key()`, computed with one field inversion for
    /// all of them instead of one each (the projective points k·G are brought to affine form
    /// together, k256's `BatchNormalize`). The child scalars are wiped as soon as they are used.
    ///
    /// # Errors
    /// [`HdError::InvalidChild`] if any child is (see [`Self::derive_child`]).
    pub fn child_public_keys(
        &self,
        children: &[ChildNumber],
    ) -> Result<Vec<VerifyingKey>, HdError> {
        let points = children
            .iter()
            .map(|&child| {
                let (secret, _chain_code) = self.child_secret(child)?;
                Ok(ProjectivePoint::mul_by_generator(secret.as_ref()))
            })
            .collect::<Result<Vec<_>, HdError>>()?;
        <ProjectivePoint as BatchNormalize<[ProjectivePoint]>>::batch_normalize(points.as_slice())
            .into_iter()
            .map(|affine| VerifyingKey::from_affine(affine).map_err(|_| HdError::InvalidChild))
            .collect()
    }

    /// Derives along every component of `path` (which starts at this key).
    ///
    /// The empty path `m` gives a copy of this key.
    ///
    /// # Errors
    /// [`HdError::InvalidChild`] if any step does (see [`Self::derive_child`]).
    pub fn derive_path(&self, path: &DerivationPath) -> Result<Self, HdError> {
        let mut current = self.duplicate();
        for &child in path.components() {
            current = current.derive_child(child)?;
        }
        Ok(current)
    }

    /// The private key of this node.
    pub fn private_key(&self) -> &PrivateKey {
        &self.key
    }

    /// The chain code of this node.
    pub fn chain_code(&self) -> &[u8; 32] {
        &self.chain_code
    }

    /// Gives up the node's private key (the chain code is dropped and zeroized).
    pub fn into_private_key(self) -> PrivateKey {
        self.key
    }

    /// A second copy of this node (crate-private so copies are deliberate).
    fn duplicate(&self) -> Self {
        Self {
            key: self.key.duplicate(),
            chain_code: self.chain_code.clone(),
        }
    }
}

/// The BIP44 account parent node `m/44'/60'/0'/0` of `seed` (MetaMask's HD path): a keyring can
/// derive account `i` from it with one [`ExtendedPrivateKey::derive_child`] call.
///
/// # Errors
/// [`HdError::InvalidChild`] if a step of the derivation is invalid (probability below 2^-127).
pub fn account_parent(seed: &Seed) -> Result<ExtendedPrivateKey, HdError> {
    ExtendedPrivateKey::master(seed.as_bytes())?
        .derive_child(ChildNumber::hardened(44)?)?
        .derive_child(ChildNumber::hardened(60)?)?
        .derive_child(ChildNumber::hardened(0)?)?
        .derive_child(ChildNumber::normal(0)?)
}

/// The private key of account `index`: the node `m/44'/60'/0'/0/index` of `seed`.
///
/// # Errors
/// [`HdError::InvalidChild`] if a step of the derivation is invalid (probability below 2^-127).
pub fn derive_account(seed: &Seed, index: AccountIndex) -> Result<PrivateKey, HdError> {
    Ok(account_parent(seed)?
        .derive_child(ChildNumber::normal(index.get())?)?
        .into_private_key())
}

/// A BIP32 derivation failed or a path was malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HdError {
    /// The path is not of the form `m/44'/60'/0'/0/0`.
    MalformedPath,
    /// A path component is 2^31 or larger (it would wrap into the hardened range).
    IndexOutOfRange,
    /// The seed is not 16 to 64 bytes long.
    BadSeedLength,
    /// The derived key is invalid (probability below 2^-127; BIP32 says skip this index).
    InvalidChild,
}

impl fmt::Display for HdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MalformedPath => f.write_str("malformed derivation path"),
            Self::IndexOutOfRange => f.write_str("derivation index must be below 2^31"),
            Self::BadSeedLength => f.write_str("a seed is 16 to 64 bytes"),
            Self::InvalidChild => f.write_str("derived key is invalid for this index"),
        }
    }
}

impl std::error::Error for HdError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn child_number_serialization() {
        assert_eq!(ChildNumber::normal(5).unwrap().to_u32(), 5);
        assert_eq!(ChildNumber::hardened(5).unwrap().to_u32(), 0x8000_0005);
        assert_eq!(
            ChildNumber::hardened(0x7fff_ffff).unwrap().to_u32(),
            u32::MAX
        );
        assert_eq!(
            ChildNumber::normal(0x8000_0000),
            Err(HdError::IndexOutOfRange)
        );
        assert_eq!(
            ChildNumber::hardened(u32::MAX),
            Err(HdError::IndexOutOfRange)
        );
    }

    /// secp256k1 group order n, big-endian (SEC 2, section 2.4.1).
    const N: [u8; 32] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36,
        0x41, 0x41,
    ];

    #[test]
    fn invalid_child_when_il_is_not_below_n() {
        let il = FieldBytes::from(N);
        assert!(matches!(
            add_tweak(&il, &Scalar::ONE),
            Err(HdError::InvalidChild)
        ));
        let il = FieldBytes::from([0xffu8; 32]);
        assert!(matches!(
            add_tweak(&il, &Scalar::ONE),
            Err(HdError::InvalidChild)
        ));
    }

    #[test]
    fn invalid_child_when_key_is_zero() {
        // Master: IL = 0.
        assert!(matches!(
            add_tweak(&FieldBytes::default(), &Scalar::ZERO),
            Err(HdError::InvalidChild)
        ));
        // Child: IL = n - 1 and k_par = 1, so the sum is n ≡ 0.
        let mut n_minus_1 = N;
        n_minus_1[31] -= 1;
        assert!(matches!(
            add_tweak(&FieldBytes::from(n_minus_1), &Scalar::ONE),
            Err(HdError::InvalidChild)
        ));
        // IL = n - 1 and k_par = 2 wraps to 1.
        let key = add_tweak(&FieldBytes::from(n_minus_1), &Scalar::from(2u64)).unwrap();
        let mut one = [0u8; 32];
        one[31] = 1;
        assert_eq!(*key.to_bytes(), one);
    }

    #[test]
    fn display_round_trips() {
        let p = DerivationPath::parse("m/44h/60H/0'/0/7").unwrap();
        assert_eq!(p.to_string(), "m/44'/60'/0'/0/7");
        assert_eq!(DerivationPath::parse(&p.to_string()).unwrap(), p);
        assert_eq!(DerivationPath::parse("m").unwrap().to_string(), "m");
    }

    #[test]
    fn account_parent_matches_path() {
        let seed = Seed(Zeroizing::new([0x42u8; 64]));
        let by_path = ExtendedPrivateKey::master(seed.as_bytes())
            .unwrap()
            .derive_path(&DerivationPath::parse(METAMASK_HD_PATH).unwrap())
            .unwrap();
        let parent = account_parent(&seed).unwrap();
        assert!(bool::from(
            parent.private_key().ct_eq(by_path.private_key())
        ));
        assert_eq!(parent.chain_code(), by_path.chain_code());
        let account = derive_account(&seed, AccountIndex::new(3).unwrap()).unwrap();
        let child = parent
            .derive_child(ChildNumber::normal(3).unwrap())
            .unwrap();
        assert!(bool::from(account.ct_eq(child.private_key())));
    }

    #[test]
    fn child_public_keys_match_derive_child() {
        let parent = account_parent(&Seed(Zeroizing::new([0x42u8; 64]))).unwrap();
        let children = [
            ChildNumber::normal(0).unwrap(),
            ChildNumber::normal(7).unwrap(),
            ChildNumber::hardened(1).unwrap(),
            ChildNumber::normal(0x7fff_ffff).unwrap(),
        ];
        let batch = parent.child_public_keys(&children).unwrap();
        assert_eq!(batch.len(), children.len());
        for (child, key) in children.iter().zip(&batch) {
            let one = parent.derive_child(*child).unwrap();
            assert_eq!(one.private_key().verifying_key(), *key);
        }
        assert!(parent.child_public_keys(&[]).unwrap().is_empty());
    }
}
