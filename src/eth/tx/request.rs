//! The JSON-RPC transaction request the extension passes in (`signTransaction`'s `tx`), read
//! into a [`Transaction`] and the `from` it names.
//!
//! # Accepted JSON
//!
//! One JSON object with JSON-RPC field names:
//!
//! | field | value | notes |
//! |---|---|---|
//! | `type` | quantity `0x0`, `0x1`, `0x2` or `0x4` | inferred when absent (see below) |
//! | `chainId` | quantity, non-zero, at most 2^64-1 | required |
//! | `nonce` | quantity, at most 2^64-1 | required |
//! | `gas` (alias `gasLimit`) | quantity, at most 2^64-1 | required; both present must be equal |
//! | `gasPrice` | quantity, at most 2^256-1 | types 0 and 1 only, required there |
//! | `maxFeePerGas`, `maxPriorityFeePerGas` | quantities, at most 2^256-1 | types 2 and 4 only, both required, priority ≤ max |
//! | `to` | address (EIP-55 checked when mixed case) | absent or `null`: contract creation (`"0x"` and `""` are refused); required for type 4 |
//! | `value` | quantity, at most 2^256-1 | default 0 |
//! | `data` (alias `input`) | `0x` + even number of hex digits | default empty; both present must be equal |
//! | `accessList` | `[{ "address", "storageKeys": [32-byte hex] }]` | types 1, 2 and 4 (type 0 accepts only `[]`) |
//! | `authorizationList` | `[{ "chainId", "address", "nonce", "yParity", "r", "s" }]` | type 4 only, required and non-empty; `chainId` (0 = any chain) and `nonce` at most 2^64-1, `yParity` 0 or 1, `r` and `s` at most 2^256-1 |
//! | `from` | address | not encoded; when present, [`sign_request`] requires the signer's address |
//!
//! A *quantity* is `0x` followed by at least one hex digit (either case). Leading zero digits
//! are accepted (`0x01` = `0x1`), so values from tools that pad are not refused; the encoding
//! is always minimal. JSON numbers are not quantities. A field set to `null` is treated as
//! absent. Unknown fields and fields given twice are rejected, so that what a user approves is
//! exactly what is signed.
//!
//! When `type` is absent it is inferred: `authorizationList` present → 4; otherwise
//! `maxFeePerGas` or `maxPriorityFeePerGas` present → 2; otherwise `accessList` present → 1; otherwise `gasPrice` present → 0. `gasPrice` together
//! with an EIP-1559 fee field is always an error.
//!
//! # Authorizations
//!
//! `signAuthorization` reads one JSON object `{ "chainId", "address", "nonce" }` with the same
//! rules as an `authorizationList` entry without its signature ([`Authorization::from_json`]).

use super::authorization::{Authorization, AuthorizationError, SignedAuthorization};
use super::model::{error, AccessListItem, ChainId, Fees, Transaction, TransactionError, TxType};
use crate::eth::address::AddressError;
use crate::eth::{Address, SignHash, Signature};
use core::ops::Deref;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A parsed transaction request: the [`Transaction`] to sign and the `from` the request named.
///
/// It dereferences to its transaction, whose accessors, encodings and
/// [`sign`](Transaction::sign) it shares; `from` is not encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransactionRequest {
    transaction: Transaction,
    from: Option<Address>,
}

impl TransactionRequest {
    /// Parses a JSON object: `type` (`0x0`/`0x1`/`0x2`/`0x4`; inferred from the fee fields
    /// and `authorizationList` when absent), `chainId` (required), `nonce`, `to` (absent/null = contract creation), `value`,
    /// `data` (or `input`), `gas` (or `gasLimit`), `gasPrice`, `maxFeePerGas`,
    /// `maxPriorityFeePerGas`, `accessList`, `authorizationList`, `from`. Unknown fields are rejected. The exact rules
    /// are in the [module documentation](self).
    ///
    /// # Errors
    ///
    /// A [`TransactionError`] whose reason names the first problem found: invalid or truncated
    /// JSON, not an object, an unknown or repeated field, a missing required field, a value that
    /// is not a quantity (or not an address, or not hex bytes), a value too large for its field,
    /// a zero chainId, an unsupported type, fee fields that do not match the type,
    /// `maxPriorityFeePerGas` above `maxFeePerGas`, a malformed access list, or `gas`/`gasLimit`
    /// or `data`/`input` given with different values.
    pub fn from_json(json: &str) -> Result<Self, TransactionError> {
        let parsed: Json = serde_json::from_str(json).map_err(|e| {
            if e.is_eof() {
                error("json ends unexpectedly")
            } else {
                error("not valid json")
            }
        })?;
        let Json::Object(members) = parsed else {
            return Err(error("not a json object"));
        };
        Fields::collect(&members)?.into_request()
    }

    /// The `from` field of the request, if it had one. It is not part of the encoding;
    /// [`sign_request`] checks it against the signing account.
    pub fn from(&self) -> Option<Address> {
        self.from
    }
}

impl Deref for TransactionRequest {
    type Target = Transaction;

    fn deref(&self) -> &Transaction {
        &self.transaction
    }
}

/// `signTransaction`: reads the request `json` ([`TransactionRequest::from_json`]), checks that
/// its `from`, when present, is the signer's address, and has `signer` sign it
/// ([`Transaction::sign`]): the raw signed transaction. The request is checked before the
/// signer is asked, so its errors come first.
///
/// # Errors
/// Those of [`TransactionRequest::from_json`]; "from is not the signing account". The signer's
/// own failure (an account the wallet does not hold) is inside the `Ok`, in
/// [`SignHash::Signed`].
pub fn sign_request<S: SignHash>(
    signer: &S,
    json: &str,
) -> Result<S::Signed<Vec<u8>>, TransactionError> {
    let request = TransactionRequest::from_json(json)?;
    if request.from.is_some_and(|from| from != signer.address()) {
        return Err(error("from is not the signing account"));
    }
    Ok(request.sign(signer))
}

impl Authorization {
    /// Parses `signAuthorization`'s request: a JSON object `{ "chainId", "address", "nonce" }`,
    /// `chainId` (0 = valid on every chain) and `nonce` quantities of at most 2^64-1, `address`
    /// the delegate contract (the zero address clears a delegation). Unknown, repeated and
    /// missing fields are refused.
    ///
    /// # Errors
    ///
    /// An [`AuthorizationError`] whose reason names the first problem found.
    pub fn from_json(json: &str) -> Result<Self, AuthorizationError> {
        let as_authorization = |e: TransactionError| AuthorizationError { reason: e.reason };
        let parsed: Json = serde_json::from_str(json).map_err(|_| AuthorizationError {
            reason: "not valid json",
        })?;
        let (authorization, _) = parse_authorization(&parsed, false).map_err(as_authorization)?;
        Ok(authorization)
    }
}

/// `signAuthorization`: reads the authorization `json` ([`Authorization::from_json`]) and has
/// `signer` sign it ([`Authorization::sign`]). The request is checked before the signer is
/// asked, so its errors come first.
///
/// # Errors
/// Those of [`Authorization::from_json`]. The signer's own failure is inside the `Ok`.
pub fn sign_authorization_request<S: SignHash>(
    signer: &S,
    json: &str,
) -> Result<S::Signed<SignedAuthorization>, AuthorizationError> {
    Ok(Authorization::from_json(json)?.sign(signer))
}

/// A JSON value that keeps every member of an object in order, so repeated keys can be refused
/// (`serde_json::Value` silently keeps the last one).
enum Json {
    /// `null`.
    Null,
    /// `true`, `false` or a number: never valid in a transaction request.
    Other,
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members, in document order, repeats included.
    Object(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

/// Builds a [`Json`] from whatever serde_json reads.
struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("any json value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Json, E> {
        Ok(Json::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Json, E> {
        Ok(Json::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Json, E> {
        Ok(Json::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json, E> {
        Ok(Json::Other)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.into()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Json>()? {
            members.push(member);
        }
        Ok(Json::Object(members))
    }
}

/// A quantity field, to name it in error reasons.
#[derive(Clone, Copy)]
enum Quantity {
    Type,
    ChainId,
    Nonce,
    Gas,
    GasLimit,
    Value,
    GasPrice,
    MaxFeePerGas,
    MaxPriorityFeePerGas,
    AuthorizationChainId,
    AuthorizationNonce,
    YParity,
    R,
    S,
}

impl Quantity {
    /// The reason when the field is not a `0x`-hex quantity string.
    fn not_quantity(self) -> TransactionError {
        error(match self {
            Self::Type => "type is not a 0x-hex quantity",
            Self::ChainId => "chainId is not a 0x-hex quantity",
            Self::Nonce => "nonce is not a 0x-hex quantity",
            Self::Gas => "gas is not a 0x-hex quantity",
            Self::GasLimit => "gasLimit is not a 0x-hex quantity",
            Self::Value => "value is not a 0x-hex quantity",
            Self::GasPrice => "gasPrice is not a 0x-hex quantity",
            Self::MaxFeePerGas => "maxFeePerGas is not a 0x-hex quantity",
            Self::MaxPriorityFeePerGas => "maxPriorityFeePerGas is not a 0x-hex quantity",
            Self::AuthorizationChainId => "authorization chainId is not a 0x-hex quantity",
            Self::AuthorizationNonce => "authorization nonce is not a 0x-hex quantity",
            Self::YParity => "authorization yParity is not a 0x-hex quantity",
            Self::R => "authorization r is not a 0x-hex quantity",
            Self::S => "authorization s is not a 0x-hex quantity",
        })
    }

    /// The reason when the value does not fit the field.
    fn too_large(self) -> TransactionError {
        error(match self {
            Self::Type => "unsupported transaction type",
            Self::ChainId => "chainId is larger than 2^64-1",
            Self::Nonce => "nonce is larger than 2^64-1",
            Self::Gas => "gas is larger than 2^64-1",
            Self::GasLimit => "gasLimit is larger than 2^64-1",
            Self::Value => "value is larger than 2^256-1",
            Self::GasPrice => "gasPrice is larger than 2^256-1",
            Self::MaxFeePerGas => "maxFeePerGas is larger than 2^256-1",
            Self::MaxPriorityFeePerGas => "maxPriorityFeePerGas is larger than 2^256-1",
            Self::AuthorizationChainId => "authorization chainId is larger than 2^64-1",
            Self::AuthorizationNonce => "authorization nonce is larger than 2^64-1",
            Self::YParity => "authorization yParity is not 0 or 1",
            Self::R => "authorization r is larger than 2^256-1",
            Self::S => "authorization s is larger than 2^256-1",
        })
    }

    /// Parses `0x` + at least one hex digit (leading zeros allowed) into 32 big-endian bytes.
    fn parse_u256(self, value: &Json) -> Result<[u8; 32], TransactionError> {
        let Json::String(s) = value else {
            return Err(self.not_quantity());
        };
        let digits = s
            .strip_prefix("0x")
            .filter(|d| !d.is_empty())
            .ok_or_else(|| self.not_quantity())?
            .as_bytes();
        let first_significant = digits
            .iter()
            .position(|&d| d != b'0')
            .unwrap_or(digits.len());
        let significant = digits.get(first_significant..).unwrap_or_default();
        let mut out = [0u8; 32];
        // Check every digit before judging the size, so "0xzz…" is "not a quantity".
        let nibbles = significant
            .iter()
            .map(|&d| crate::hex::digit_value(d))
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(|| self.not_quantity())?;
        if nibbles.len() > 64 {
            return Err(self.too_large());
        }
        for (i, nibble) in nibbles.iter().rev().enumerate() {
            if let Some(byte) = out
                .len()
                .checked_sub(1 + i / 2)
                .and_then(|j| out.get_mut(j))
            {
                *byte |= nibble << (4 * (i % 2));
            }
        }
        Ok(out)
    }

    /// Parses a quantity of at most 2^64-1.
    fn parse_u64(self, value: &Json) -> Result<u64, TransactionError> {
        let wide = self.parse_u256(value)?;
        let (high, low) = wide.split_at(24);
        if high.iter().any(|&b| b != 0) {
            return Err(self.too_large());
        }
        let low: [u8; 8] = low.try_into().map_err(|_| self.too_large())?;
        Ok(u64::from_be_bytes(low))
    }
}

/// The members of the request object, each at most once; `null` members are left out.
#[derive(Default)]
struct Fields<'a> {
    tx_type: Option<&'a Json>,
    chain_id: Option<&'a Json>,
    nonce: Option<&'a Json>,
    gas: Option<&'a Json>,
    gas_limit: Option<&'a Json>,
    gas_price: Option<&'a Json>,
    max_fee_per_gas: Option<&'a Json>,
    max_priority_fee_per_gas: Option<&'a Json>,
    to: Option<&'a Json>,
    value: Option<&'a Json>,
    data: Option<&'a Json>,
    input: Option<&'a Json>,
    access_list: Option<&'a Json>,
    authorization_list: Option<&'a Json>,
    from: Option<&'a Json>,
}

impl<'a> Fields<'a> {
    /// Sorts the members into their fields, refusing unknown and repeated ones.
    fn collect(members: &'a [(String, Json)]) -> Result<Self, TransactionError> {
        let mut fields = Self::default();
        let mut seen: Vec<&str> = Vec::with_capacity(members.len());
        for (name, value) in members {
            if seen.contains(&name.as_str()) {
                return Err(error("duplicate field"));
            }
            seen.push(name);
            let slot = match name.as_str() {
                "type" => &mut fields.tx_type,
                "chainId" => &mut fields.chain_id,
                "nonce" => &mut fields.nonce,
                "gas" => &mut fields.gas,
                "gasLimit" => &mut fields.gas_limit,
                "gasPrice" => &mut fields.gas_price,
                "maxFeePerGas" => &mut fields.max_fee_per_gas,
                "maxPriorityFeePerGas" => &mut fields.max_priority_fee_per_gas,
                "to" => &mut fields.to,
                "value" => &mut fields.value,
                "data" => &mut fields.data,
                "input" => &mut fields.input,
                "accessList" => &mut fields.access_list,
                "authorizationList" => &mut fields.authorization_list,
                "from" => &mut fields.from,
                _ => return Err(error("unknown field")),
            };
            if !matches!(value, Json::Null) {
                *slot = Some(value);
            }
        }
        Ok(fields)
    }

    /// Checks the fields against each other and builds the request.
    fn into_request(self) -> Result<TransactionRequest, TransactionError> {
        let chain_id = Quantity::ChainId
            .parse_u64(self.chain_id.ok_or(error("missing chainId"))?)
            .and_then(ChainId::new)?;
        let nonce = Quantity::Nonce.parse_u64(self.nonce.ok_or(error("missing nonce"))?)?;
        let gas = match (self.gas, self.gas_limit) {
            (None, None) => return Err(error("missing gas")),
            (Some(gas), None) => Quantity::Gas.parse_u64(gas)?,
            (None, Some(limit)) => Quantity::GasLimit.parse_u64(limit)?,
            (Some(gas), Some(limit)) => {
                let gas = Quantity::Gas.parse_u64(gas)?;
                if Quantity::GasLimit.parse_u64(limit)? != gas {
                    return Err(error("gas and gasLimit differ"));
                }
                gas
            }
        };
        let to = self
            .to
            .map(|to| parse_address(to, AddressField::To))
            .transpose()?;
        let from = self
            .from
            .map(|from| parse_address(from, AddressField::From))
            .transpose()?;
        let value = self
            .value
            .map(|v| Quantity::Value.parse_u256(v))
            .transpose()?
            .unwrap_or([0; 32]);
        let data = match (self.data, self.input) {
            (None, None) => Vec::new(),
            (Some(data), None) | (None, Some(data)) => parse_data(data)?,
            (Some(data), Some(input)) => {
                let data = parse_data(data)?;
                if parse_data(input)? != data {
                    return Err(error("data and input differ"));
                }
                data
            }
        };
        let access_list = self.access_list.map(parse_access_list).transpose()?;
        let fees = self.fees()?;
        let access_list = match (&fees, access_list) {
            (Fees::Legacy { .. }, Some(list)) if !list.is_empty() => {
                return Err(error("access list needs type 1 or 2"))
            }
            (_, list) => list.unwrap_or_default(),
        };
        if matches!(fees, Fees::SetCode { .. }) && to.is_none() {
            return Err(error("type 4 needs a to address"));
        }
        Ok(TransactionRequest {
            transaction: Transaction {
                chain_id,
                nonce,
                gas,
                to,
                value,
                data,
                access_list,
                fees,
            },
            from,
        })
    }

    /// The type (explicit or inferred) and its fee fields.
    fn fees(&self) -> Result<Fees, TransactionError> {
        let has_1559 = self.max_fee_per_gas.is_some() || self.max_priority_fee_per_gas.is_some();
        if self.gas_price.is_some() && has_1559 {
            return Err(error(
                "gasPrice cannot be combined with eip-1559 fee fields",
            ));
        }
        let tx_type = match self.tx_type {
            Some(t) => match Quantity::Type.parse_u64(t)? {
                0 => TxType::Legacy,
                1 => TxType::AccessList,
                2 => TxType::DynamicFee,
                4 => TxType::SetCode,
                _ => return Err(error("unsupported transaction type")),
            },
            None if self.authorization_list.is_some() => TxType::SetCode,
            None if has_1559 => TxType::DynamicFee,
            None if self.access_list.is_some() => TxType::AccessList,
            None if self.gas_price.is_some() => TxType::Legacy,
            None => return Err(error("missing gasPrice or maxFeePerGas")),
        };
        if self.authorization_list.is_some() && tx_type != TxType::SetCode {
            return Err(error("authorization list needs type 4"));
        }
        match tx_type {
            TxType::Legacy | TxType::AccessList => {
                if has_1559 {
                    return Err(error("fee fields do not match the transaction type"));
                }
                let gas_price = Quantity::GasPrice
                    .parse_u256(self.gas_price.ok_or(error("missing gasPrice"))?)?;
                Ok(if tx_type == TxType::Legacy {
                    Fees::Legacy { gas_price }
                } else {
                    Fees::AccessList { gas_price }
                })
            }
            TxType::DynamicFee | TxType::SetCode => {
                if self.gas_price.is_some() {
                    return Err(error("fee fields do not match the transaction type"));
                }
                let max_fee_per_gas = Quantity::MaxFeePerGas
                    .parse_u256(self.max_fee_per_gas.ok_or(error("missing maxFeePerGas"))?)?;
                let max_priority_fee_per_gas = Quantity::MaxPriorityFeePerGas.parse_u256(
                    self.max_priority_fee_per_gas
                        .ok_or(error("missing maxPriorityFeePerGas"))?,
                )?;
                // Big-endian arrays of equal length compare like the numbers they hold.
                if max_priority_fee_per_gas > max_fee_per_gas {
                    return Err(error("maxPriorityFeePerGas exceeds maxFeePerGas"));
                }
                if tx_type == TxType::DynamicFee {
                    return Ok(Fees::DynamicFee {
                        max_priority_fee_per_gas,
                        max_fee_per_gas,
                    });
                }
                let Some(Json::Array(entries)) = self.authorization_list else {
                    return Err(error(if self.authorization_list.is_none() {
                        "missing authorizationList"
                    } else {
                        "authorizationList is not an array"
                    }));
                };
                if entries.is_empty() {
                    return Err(error("authorizationList is empty"));
                }
                let authorization_list = entries
                    .iter()
                    .map(|entry| match parse_authorization(entry, true)? {
                        (authorization, Some(signature)) => Ok(SignedAuthorization {
                            authorization,
                            signature,
                        }),
                        (_, None) => Err(error("authorization is missing its signature")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Fees::SetCode {
                    max_priority_fee_per_gas,
                    max_fee_per_gas,
                    authorization_list,
                })
            }
        }
    }
}

/// An address field, to name it in error reasons.
#[derive(Clone, Copy)]
enum AddressField {
    To,
    From,
    AccessList,
    Authorization,
}

/// Parses an address string (`0x` + 40 hex digits; mixed case must be the EIP-55 checksum).
fn parse_address(value: &Json, field: AddressField) -> Result<Address, TransactionError> {
    let parsed = match value {
        // JSON-RPC DATA is always 0x-prefixed; `Address::parse` alone would also take bare hex.
        Json::String(s) if s.starts_with("0x") => Address::parse(s),
        _ => Err(AddressError::NotHex),
    };
    parsed.map_err(|e| {
        error(match (field, e) {
            (AddressField::To, AddressError::BadChecksum) => "to has an invalid eip-55 checksum",
            (AddressField::To, _) => "to is not an address",
            (AddressField::From, AddressError::BadChecksum) => {
                "from has an invalid eip-55 checksum"
            }
            (AddressField::From, _) => "from is not an address",
            (AddressField::AccessList, AddressError::BadChecksum) => {
                "access list address has an invalid eip-55 checksum"
            }
            (AddressField::AccessList, _) => "access list address is not an address",
            (AddressField::Authorization, AddressError::BadChecksum) => {
                "authorization address has an invalid eip-55 checksum"
            }
            (AddressField::Authorization, _) => "authorization address is not an address",
        })
    })
}

/// Parses `data` / `input`: `0x` + an even number of hex digits.
fn parse_data(value: &Json) -> Result<Vec<u8>, TransactionError> {
    match value {
        Json::String(s) => crate::hex::decode_prefixed(s),
        _ => None,
    }
    .ok_or(error("data is not 0x-hex bytes"))
}

/// Parses `accessList`: an array of `{ "address": address, "storageKeys": [32-byte hex, …] }`.
fn parse_access_list(value: &Json) -> Result<Vec<AccessListItem>, TransactionError> {
    let Json::Array(entries) = value else {
        return Err(error("accessList is not an array"));
    };
    entries.iter().map(parse_access_list_item).collect()
}

/// Parses one access list entry.
fn parse_access_list_item(value: &Json) -> Result<AccessListItem, TransactionError> {
    let Json::Object(members) = value else {
        return Err(error("access list entry is not an object"));
    };
    let mut address = None;
    let mut storage_keys = None;
    for (name, value) in members {
        let slot = match name.as_str() {
            "address" => &mut address,
            "storageKeys" => &mut storage_keys,
            _ => return Err(error("access list entry has an unknown field")),
        };
        if slot.replace(value).is_some() {
            return Err(error("access list entry has a duplicate field"));
        }
    }
    let address = parse_address(
        address.ok_or(error("access list entry is missing address"))?,
        AddressField::AccessList,
    )?;
    let Json::Array(keys) =
        storage_keys.ok_or(error("access list entry is missing storageKeys"))?
    else {
        return Err(error("storageKeys is not an array"));
    };
    let storage_keys = keys
        .iter()
        .map(|key| {
            match key {
                Json::String(s) => crate::hex::decode_prefixed(s),
                _ => None,
            }
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .ok_or(error("storage key is not 32 bytes of 0x-hex"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AccessListItem {
        address,
        storage_keys,
    })
}
/// Parses one authorization: `{ chainId, address, nonce }`, and when `signed`, also `yParity`
/// (0 or 1), `r` and `s`, all required. Unknown and repeated fields are refused.
fn parse_authorization(
    value: &Json,
    signed: bool,
) -> Result<(Authorization, Option<Signature>), TransactionError> {
    let Json::Object(members) = value else {
        return Err(error("authorization is not an object"));
    };
    let mut fields: [Option<&Json>; 6] = [None; 6];
    for (name, value) in members {
        let index = match name.as_str() {
            "chainId" => 0,
            "address" => 1,
            "nonce" => 2,
            "yParity" if signed => 3,
            "r" if signed => 4,
            "s" if signed => 5,
            _ => return Err(error("authorization has an unknown field")),
        };
        let slot = fields
            .get_mut(index)
            .ok_or(error("authorization has an unknown field"))?;
        if slot.replace(value).is_some() {
            return Err(error("authorization has a duplicate field"));
        }
    }
    let [chain_id, address, nonce, y_parity, r, s] = fields;
    let authorization = Authorization {
        chain_id: Quantity::AuthorizationChainId
            .parse_u64(chain_id.ok_or(error("authorization is missing chainId"))?)?,
        address: parse_address(
            address.ok_or(error("authorization is missing address"))?,
            AddressField::Authorization,
        )?,
        nonce: Quantity::AuthorizationNonce
            .parse_u64(nonce.ok_or(error("authorization is missing nonce"))?)?,
    };
    if !signed {
        return Ok((authorization, None));
    }
    let y_parity = match Quantity::YParity
        .parse_u64(y_parity.ok_or(error("authorization is missing yParity"))?)?
    {
        0 => 0,
        1 => 1,
        _ => return Err(Quantity::YParity.too_large()),
    };
    let signature = Signature {
        r: Quantity::R.parse_u256(r.ok_or(error("authorization is missing r"))?)?,
        s: Quantity::S.parse_u256(s.ok_or(error("authorization is missing s"))?)?,
        y_parity,
    };
    Ok((authorization, Some(signature)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    fn s(v: &str) -> Json {
        Json::String(v.into())
    }

    #[test]
    fn quantities() {
        let q = Quantity::Value;
        assert_eq!(q.parse_u256(&s("0x0")).unwrap(), [0; 32]);
        assert_eq!(q.parse_u256(&s("0x000")).unwrap(), [0; 32]);
        let mut one = [0; 32];
        one[31] = 1;
        assert_eq!(q.parse_u256(&s("0x1")).unwrap(), one);
        assert_eq!(q.parse_u256(&s("0x0001")).unwrap(), one);
        let mut x = [0; 32];
        x[30] = 0x0a;
        x[31] = 0xbc;
        assert_eq!(q.parse_u256(&s("0xAbC")).unwrap(), x);
        let max = format!("0x{}", "f".repeat(64));
        assert_eq!(q.parse_u256(&s(&max)).unwrap(), [0xff; 32]);
        let padded = format!("0x{}{}", "0".repeat(100), "f".repeat(64));
        assert_eq!(q.parse_u256(&s(&padded)).unwrap(), [0xff; 32]);
        let over = format!("0x1{}", "0".repeat(64));
        assert_eq!(q.parse_u256(&s(&over)), Err(q.too_large()));
        for bad in ["", "0x", "0X1", "1", "0x-1", "0x1g", "0x 1", " 0x1", "0x1 "] {
            assert_eq!(q.parse_u256(&s(bad)), Err(q.not_quantity()), "{bad:?}");
        }
        assert_eq!(q.parse_u256(&Json::Other), Err(q.not_quantity()));
        assert_eq!(q.parse_u256(&Json::Array(vec![])), Err(q.not_quantity()));
    }

    #[test]
    fn u64_quantities() {
        let q = Quantity::Nonce;
        assert_eq!(q.parse_u64(&s("0xffffffffffffffff")).unwrap(), u64::MAX);
        assert_eq!(q.parse_u64(&s("0x00ffffffffffffffff")).unwrap(), u64::MAX);
        assert_eq!(q.parse_u64(&s("0x10000000000000000")), Err(q.too_large()));
        let huge = format!("0x{}", "f".repeat(65));
        assert_eq!(q.parse_u64(&s(&huge)), Err(q.too_large()));
        assert_eq!(q.parse_u64(&s("0x9")).unwrap(), 9);
    }
}
