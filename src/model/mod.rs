//! The validated atlas: views of the body and muscles with their referral patterns.
//! Built from the raw RON types in [`raw`] by [`validate`]; the rest of the program
//! trusts these types and never re-checks them.

pub mod lesson;
pub mod raw;
mod types;
pub mod validate;

pub use types::*;
