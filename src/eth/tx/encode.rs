//! The transaction's encodings: the RLP payload whose Keccak-256 is signed, and the raw signed
//! transaction `eth_sendRawTransaction` takes (EIP-155, EIP-2718, EIP-2930, EIP-1559,
//! EIP-7702).

use super::model::{Fees, Transaction, ACCESS_LIST_TYPE, DYNAMIC_FEE_TYPE, SET_CODE_TYPE};
use crate::eth::{keccak256, rlp, SignHash, Signature};

impl Transaction {
    /// The bytes whose Keccak-256 is signed. Integers are RLP-encoded as minimal big-endian byte
    /// strings (zero is the empty string `0x80`), `to` as 20 bytes (the empty string for a
    /// contract creation), and the access list as a list of `[address, [storageKey, …]]`:
    /// - type 0 (EIP-155): `rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])`;
    /// - type 1 (EIP-2930): `0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data,
    ///   accessList])`;
    /// - type 2 (EIP-1559): `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
    ///   gas, to, value, data, accessList])`;
    /// - type 4 (EIP-7702): `0x04 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
    ///   gas, to, value, data, accessList, authorizationList])`, each authorization as
    ///   `[chainId, address, nonce, yParity, r, s]`.
    pub fn encode_for_signing(&self) -> Vec<u8> {
        self.encode(None)
    }

    /// Keccak-256 of [`encode_for_signing`](Self::encode_for_signing): the 32-byte hash the
    /// key signs.
    pub fn signing_hash(&self) -> [u8; 32] {
        keccak256(&self.encode_for_signing())
    }

    /// Has `signer` sign [`signing_hash`](Self::signing_hash) (RFC 6979, low s) and returns the
    /// raw transaction bytes (`eth_sendRawTransaction` input), with `r` and `s` RLP-encoded as
    /// minimal integers (leading zero bytes stripped):
    /// - type 0: `rlp([nonce, gasPrice, gas, to, value, data, v, r, s])` with
    ///   `v = chainId * 2 + 35 + yParity` (EIP-155);
    /// - type 1: `0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data, accessList,
    ///   yParity, r, s])`;
    /// - type 2: `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to,
    ///   value, data, accessList, yParity, r, s])`;
    /// - type 4: `0x04 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to,
    ///   value, data, accessList, authorizationList, yParity, r, s])`.
    pub fn sign<S: SignHash>(&self, signer: &S) -> S::Signed<Vec<u8>> {
        signer.sign_hash_with(&self.signing_hash(), |signature| {
            self.encode(Some(&signature))
        })
    }

    /// The signing payload (`signature` = `None`) or the signed transaction.
    fn encode(&self, signature: Option<&Signature>) -> Vec<u8> {
        let to: &[u8] = match &self.to {
            Some(address) => &address.0,
            None => &[],
        };
        let mut list = rlp::List::new();
        let type_byte = match &self.fees {
            Fees::Legacy { gas_price } => {
                list.u64(self.nonce)
                    .uint(gas_price)
                    .u64(self.gas)
                    .bytes(to)
                    .uint(&self.value)
                    .bytes(&self.data);
                match signature {
                    None => list.u64(self.chain_id.get()).u64(0).u64(0),
                    Some(sig) => {
                        let v = u128::from(self.chain_id.get()) * 2 + 35 + u128::from(sig.y_parity);
                        list.u128(v).uint(&sig.r).uint(&sig.s)
                    }
                };
                return list.finish();
            }
            Fees::AccessList { gas_price } => {
                list.u64(self.chain_id.get())
                    .u64(self.nonce)
                    .uint(gas_price);
                ACCESS_LIST_TYPE
            }
            Fees::DynamicFee {
                max_priority_fee_per_gas,
                max_fee_per_gas,
            }
            | Fees::SetCode {
                max_priority_fee_per_gas,
                max_fee_per_gas,
                ..
            } => {
                list.u64(self.chain_id.get())
                    .u64(self.nonce)
                    .uint(max_priority_fee_per_gas)
                    .uint(max_fee_per_gas);
                if matches!(self.fees, Fees::SetCode { .. }) {
                    SET_CODE_TYPE
                } else {
                    DYNAMIC_FEE_TYPE
                }
            }
        };
        // Types 1, 2 and 4 go on alike after their fee fields.
        list.u64(self.gas)
            .bytes(to)
            .uint(&self.value)
            .bytes(&self.data)
            .list(&self.access_list_rlp());
        if let Fees::SetCode {
            authorization_list, ..
        } = &self.fees
        {
            let mut authorizations = rlp::List::new();
            for authorization in authorization_list {
                authorizations.list(&authorization.rlp());
            }
            list.list(&authorizations);
        }
        typed_envelope(type_byte, &mut list, signature)
    }

    /// The access list as an RLP list of `[address, [storageKey, …]]`.
    fn access_list_rlp(&self) -> rlp::List {
        let mut list = rlp::List::new();
        for item in &self.access_list {
            let mut keys = rlp::List::new();
            for key in &item.storage_keys {
                keys.bytes(key);
            }
            let mut entry = rlp::List::new();
            entry.bytes(&item.address.0).list(&keys);
            list.list(&entry);
        }
        list
    }
}

/// `type_byte ‖ rlp(fields ‖ [yParity, r, s])`, without the signature part when it is `None`.
fn typed_envelope(type_byte: u8, list: &mut rlp::List, signature: Option<&Signature>) -> Vec<u8> {
    if let Some(sig) = signature {
        list.u64(u64::from(sig.y_parity)).uint(&sig.r).uint(&sig.s);
    }
    let body = list.finish();
    let mut out = Vec::with_capacity(1 + body.len());
    out.push(type_byte);
    out.extend_from_slice(&body);
    out
}
