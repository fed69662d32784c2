//! The validated atlas: views of the body and muscles with their referral patterns.
//! Built from the raw RON types in [`raw`] by [`validate`]; the rest of the program
//! trusts these types and never re-checks them. This layer depends on nothing above
//! it: errors and source positions live here too, so parsers and validators can name
//! a line and column.

mod atlas;
mod error;
mod groups;
pub mod lesson;
mod located;
mod note;
pub mod pain_guide;
pub mod pain_index;
pub mod raw;
pub mod readability;
mod side_choice;
mod types;
pub mod validate;
mod warnings;

pub use atlas::{Atlas, REGION_ORDER};
pub use error::{DataError, ErrorKind};
pub use groups::{PlacedGroup, check_group_members, validate_groups};
pub(crate) use located::with_source;
pub use located::{Located, Position};
pub use note::{ClinicianNote, MAX_INITIALS, MAX_NOTE};
pub use side_choice::SideChoice;
pub use types::*;
pub use warnings::{WarningRegion, Warnings, validate_warnings};
