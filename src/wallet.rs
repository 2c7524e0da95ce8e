//! An unlocked wallet: keyring + vault key, with the password gates. STUB.
#![allow(missing_docs)]
