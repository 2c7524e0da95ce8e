//! Minimal RLP encoding (Ethereum Yellow Paper, appendix B). STUB.
#![allow(dead_code)]
