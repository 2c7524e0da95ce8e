//! Wiping the stack after work on secrets.
//!
//! Rust moves values by copying their bytes and never wipes the place a value moved from, and
//! the primitives the core uses (HMAC key blocks, scalar arithmetic, hex decoding) keep
//! temporaries in stack frames. In WASM the stack is part of the linear memory that anyone
//! holding the `WebAssembly.Memory` (a debugger, a memory dump) can read, and a frame's bytes
//! stay there until a later call happens to overwrite them. So every entry point that touches a
//! secret runs its work through [`scrubbed`], which overwrites the stack the work used once it
//! returns.
use zeroize::Zeroize;

/// Bytes of stack [`scrubbed`] overwrites below its caller: several times the deepest call the
/// core makes (PBKDF2, BIP32 derivation and signing use a few KiB), well inside the 1 MiB WASM
/// stack.
const WIPE_BYTES: usize = 128 * 1024;

/// Runs `f` in a stack frame of its own, then overwrites the stack below the caller (where
/// that frame and everything `f` called lived) with zeros. Only what `f` returns survives, so
/// it must hold its secrets on the heap (in zeroizing buffers), not inline.
pub fn scrubbed<T>(f: impl FnOnce() -> T) -> T {
    let out = run(f);
    wipe_stack();
    out
}

#[inline(never)]
fn run<T>(f: impl FnOnce() -> T) -> T {
    f()
}

/// Zeroes a [`WIPE_BYTES`] frame: called where `run` was, it covers the same stack.
#[inline(never)]
fn wipe_stack() {
    let mut area = [0u64; WIPE_BYTES / 8];
    area.zeroize();
    core::hint::black_box(&area);
}
