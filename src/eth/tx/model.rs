//! The transaction model: the fields of types 0 (legacy, EIP-155), 1 (EIP-2930), 2
//! (EIP-1559) and 4 (EIP-7702, with its [`SignedAuthorization`] list), and the error of building
//! one. How it is encoded and signed is in
//! [`encode`](super::encode); how it is read from JSON-RPC, in [`request`](super::request).

use super::authorization::SignedAuthorization;
use crate::eth::Address;
use core::fmt;

/// The EIP-2718 type byte of EIP-2930 transactions.
pub(super) const ACCESS_LIST_TYPE: u8 = 0x01;
/// The EIP-2718 type byte of EIP-1559 transactions.
pub(super) const DYNAMIC_FEE_TYPE: u8 = 0x02;
/// The EIP-2718 type byte of EIP-7702 (set code) transactions.
pub(super) const SET_CODE_TYPE: u8 = 0x04;

/// Shorthand for a [`TransactionError`] with this reason.
pub(super) const fn error(reason: &'static str) -> TransactionError {
    TransactionError { reason }
}

/// An EIP-155 chain id (non-zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChainId(u64);

impl ChainId {
    /// A chain id; EIP-155 chain ids are positive.
    ///
    /// # Errors
    ///
    /// `TransactionError { reason: "chainId must not be zero" }` for 0.
    pub fn new(id: u64) -> Result<Self, TransactionError> {
        if id == 0 {
            Err(error("chainId must not be zero"))
        } else {
            Ok(Self(id))
        }
    }

    /// The chain id as a number.
    pub fn get(self) -> u64 {
        self.0
    }
}

/// The EIP-2718 transaction type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TxType {
    /// Type 0: legacy, signed with EIP-155 replay protection.
    Legacy,
    /// Type 1: EIP-2930, with an access list.
    AccessList,
    /// Type 2: EIP-1559, with a priority fee and a fee cap.
    DynamicFee,
    /// Type 4: EIP-7702, EIP-1559 fees and a list of signed authorizations that set the
    /// authorities' code to a delegation.
    SetCode,
}

impl TxType {
    /// The type number (0, 1, 2 or 4).
    pub fn number(self) -> u8 {
        match self {
            Self::Legacy => 0,
            Self::AccessList => ACCESS_LIST_TYPE,
            Self::DynamicFee => DYNAMIC_FEE_TYPE,
            Self::SetCode => SET_CODE_TYPE,
        }
    }
}

/// One EIP-2930 access list entry: an address and the storage slots the transaction touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessListItem {
    /// The accessed contract.
    pub address: Address,
    /// The accessed storage slots, each 32 bytes.
    pub storage_keys: Vec<[u8; 32]>,
}

/// The fee fields, which decide the transaction type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Fees {
    /// Type 0.
    Legacy {
        /// `gasPrice`, 256-bit big-endian.
        gas_price: [u8; 32],
    },
    /// Type 1.
    AccessList {
        /// `gasPrice`, 256-bit big-endian.
        gas_price: [u8; 32],
    },
    /// Type 2.
    DynamicFee {
        /// `maxPriorityFeePerGas`, 256-bit big-endian.
        max_priority_fee_per_gas: [u8; 32],
        /// `maxFeePerGas`, 256-bit big-endian.
        max_fee_per_gas: [u8; 32],
    },
    /// Type 4: the fees of type 2 and the (non-empty) authorization list.
    SetCode {
        /// `maxPriorityFeePerGas`, 256-bit big-endian.
        max_priority_fee_per_gas: [u8; 32],
        /// `maxFeePerGas`, 256-bit big-endian.
        max_fee_per_gas: [u8; 32],
        /// `authorizationList`, in order.
        authorization_list: Vec<SignedAuthorization>,
    },
}

/// A transaction of type 0, 1, 2 or 4: what is signed and sent. Built from a JSON-RPC request by
/// [`TransactionRequest::from_json`](super::TransactionRequest::from_json); encoded and signed
/// in [`encode`](super::encode).
///
/// 256-bit quantities are held as 32 big-endian bytes. Nothing here is secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub(super) chain_id: ChainId,
    pub(super) nonce: u64,
    pub(super) gas: u64,
    pub(super) to: Option<Address>,
    pub(super) value: [u8; 32],
    pub(super) data: Vec<u8>,
    pub(super) access_list: Vec<AccessListItem>,
    pub(super) fees: Fees,
}

impl Transaction {
    /// The transaction type.
    pub fn tx_type(&self) -> TxType {
        match self.fees {
            Fees::Legacy { .. } => TxType::Legacy,
            Fees::AccessList { .. } => TxType::AccessList,
            Fees::DynamicFee { .. } => TxType::DynamicFee,
            Fees::SetCode { .. } => TxType::SetCode,
        }
    }

    /// The chain the transaction is for.
    pub fn chain_id(&self) -> ChainId {
        self.chain_id
    }

    /// The sender's nonce.
    pub fn nonce(&self) -> u64 {
        self.nonce
    }

    /// The gas limit.
    pub fn gas(&self) -> u64 {
        self.gas
    }

    /// The recipient; `None` for a contract creation.
    pub fn to(&self) -> Option<Address> {
        self.to
    }

    /// The amount of wei sent, 256-bit big-endian.
    pub fn value(&self) -> [u8; 32] {
        self.value
    }

    /// The call data (or init code for a contract creation).
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The access list (always empty for type 0).
    pub fn access_list(&self) -> &[AccessListItem] {
        &self.access_list
    }

    /// `gasPrice` (types 0 and 1), 256-bit big-endian.
    pub fn gas_price(&self) -> Option<[u8; 32]> {
        match self.fees {
            Fees::Legacy { gas_price } | Fees::AccessList { gas_price } => Some(gas_price),
            Fees::DynamicFee { .. } | Fees::SetCode { .. } => None,
        }
    }

    /// `maxFeePerGas` (types 2 and 4), 256-bit big-endian.
    pub fn max_fee_per_gas(&self) -> Option<[u8; 32]> {
        match self.fees {
            Fees::DynamicFee {
                max_fee_per_gas, ..
            }
            | Fees::SetCode {
                max_fee_per_gas, ..
            } => Some(max_fee_per_gas),
            _ => None,
        }
    }

    /// `maxPriorityFeePerGas` (types 2 and 4), 256-bit big-endian.
    pub fn max_priority_fee_per_gas(&self) -> Option<[u8; 32]> {
        match self.fees {
            Fees::DynamicFee {
                max_priority_fee_per_gas,
                ..
            }
            | Fees::SetCode {
                max_priority_fee_per_gas,
                ..
            } => Some(max_priority_fee_per_gas),
            _ => None,
        }
    }

    /// The signed authorizations of a type-4 transaction (empty for the other types).
    pub fn authorization_list(&self) -> &[SignedAuthorization] {
        match &self.fees {
            Fees::SetCode {
                authorization_list, ..
            } => authorization_list,
            _ => &[],
        }
    }
}

/// A transaction request could not be read or was not this signer's (code `INVALID_TRANSACTION`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionError {
    /// A short lower-case description, e.g. "missing chainId" or "nonce is not a quantity".
    pub reason: &'static str,
}

impl TransactionError {
    /// The stable code: `INVALID_TRANSACTION`.
    pub fn code(&self) -> &'static str {
        "INVALID_TRANSACTION"
    }
}

impl fmt::Display for TransactionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid transaction: {}", self.reason)
    }
}

impl std::error::Error for TransactionError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn chain_id() {
        assert_eq!(ChainId::new(0), Err(error("chainId must not be zero")));
        assert_eq!(ChainId::new(1).unwrap().get(), 1);
    }

    #[test]
    fn type_numbers() {
        assert_eq!(TxType::Legacy.number(), 0);
        assert_eq!(TxType::AccessList.number(), 1);
        assert_eq!(TxType::DynamicFee.number(), 2);
        assert_eq!(TxType::SetCode.number(), 4);
    }
}
