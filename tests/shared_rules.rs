//! Rules the generator and the crate share: each is decided in one place, and these tests
//! hold the other side to it.
//!
//! - The identity of a group name (`Registration error`, `REGISTRATION_ERROR` and
//!   `registration-error` are one name) is `model::group_key` in the generator, which
//!   writes every group's key into the tables; the crate folds only the name it is asked.
//! - What a group means (pending, delivered, failed; no error or an error) is
//!   `class::GroupClass::of` in the generator, written into the tables as data.
//! - `from_id_all` reads the one id index the generator writes.
#![cfg(feature = "serde")]

use infobip_codes::wire::ErrorParts;
use infobip_codes::{ErrorCode, ErrorGroup, MessageError, Outcome, StatusCode, StatusGroup};
use infobip_codes_codegen::class::GroupClass;
use infobip_codes_codegen::model::{group_key, Kind};

/// Spellings of group names: the page's, the wire's, and others that fold or do not.
fn spellings() -> Vec<String> {
    let mut out: Vec<String> = [
        "Registration error",
        "REGISTRATION_ERROR",
        "registration-error",
        "Registration errors",
        "Ok",
        "ok",
        "O K",
        "handset errors",
        "Handset_Errors",
        "HANDSET-ERRORS!",
        "delivered",
        "Delivered ",
        "PENDING",
        "pending\t",
        "",
        " ",
        "NOT_A_GROUP",
        "Ｏｋ",
        "délivered",
    ]
    .map(String::from)
    .to_vec();
    for g in StatusGroup::ALL {
        out.push(g.name().to_owned());
        out.push(g.name().to_ascii_lowercase());
        out.push(g.name().replace('_', " "));
    }
    for g in ErrorGroup::ALL {
        out.push(g.name().to_owned());
        out.push(g.name().to_ascii_lowercase());
        out.push(g.name().replace(' ', "_").to_ascii_uppercase());
    }
    out
}

#[test]
fn group_names_match_exactly_when_the_generators_keys_match() {
    for name in spellings() {
        let key = group_key(&name);
        let status = StatusGroup::ALL
            .iter()
            .find(|g| group_key(g.name()) == key)
            .copied();
        assert_eq!(StatusGroup::from_name(&name), status, "{name:?}");
        let error = ErrorGroup::ALL
            .iter()
            .find(|g| group_key(g.name()) == key)
            .copied();
        assert_eq!(ErrorGroup::from_name(&name), error, "{name:?}");
    }
}

#[test]
fn each_groups_class_is_the_generators() {
    for g in StatusGroup::ALL {
        let class = GroupClass::of(Kind::Status, g.name());
        assert_eq!(g.is_final(), class.is_final(), "{g}");
        // A status of the group, final or not, means what the class says.
        let outcome = match class {
            GroupClass::Delivered => Outcome::Delivered,
            GroupClass::Failed => Outcome::RetryLater,
            _ => Outcome::Pending,
        };
        for code in StatusCode::ALL.iter().filter(|c| c.group() == Some(*g)) {
            let expected = if code.is_final() {
                outcome
            } else {
                Outcome::Pending
            };
            assert_eq!(Outcome::from_codes(*code, None), expected, "{code}");
        }
    }
    for g in ErrorGroup::ALL {
        let no_error = GroupClass::of(Kind::Error, g.name()) == GroupClass::NoError;
        let object = MessageError::from(ErrorParts {
            group_id: g.id().map(i32::from),
            group_name: Some(g.name().to_owned()),
            ..ErrorParts::default()
        });
        assert_eq!(object.is_no_error(), no_error, "{g}");
        // Without a status, the error decides: no error is pending, an error failed.
        for code in ErrorCode::ALL.iter().filter(|c| c.group() == Some(*g)) {
            let outcome = Outcome::from_wire(None, Some(&MessageError::from(*code)));
            assert_eq!(outcome == Outcome::Pending, no_error, "{code}");
        }
    }
    assert!(MessageError::from(ErrorCode::NoError).is_no_error());
}

#[test]
fn from_id_all_is_every_code_of_the_id_in_canonical_order() {
    fn check<T: Copy + PartialEq + std::fmt::Debug + 'static>(
        all: &[T],
        id: impl Fn(T) -> u16,
        from_id: impl Fn(u16) -> Option<T>,
        from_id_all: impl Fn(u16) -> &'static [T],
    ) {
        let top = all.iter().map(|c| id(*c)).max().unwrap_or(0);
        for probe in (0..=top.saturating_add(70)).chain([u16::MAX]) {
            let expected: Vec<T> = all.iter().copied().filter(|c| id(*c) == probe).collect();
            assert_eq!(from_id_all(probe), expected.as_slice(), "{probe}");
            assert_eq!(from_id(probe), expected.first().copied(), "{probe}");
        }
    }
    check(
        StatusCode::ALL,
        StatusCode::id,
        StatusCode::from_id,
        StatusCode::from_id_all,
    );
    check(
        ErrorCode::ALL,
        ErrorCode::id,
        ErrorCode::from_id,
        ErrorCode::from_id_all,
    );
    // The vendored page documents every id once; runs of several codes (ids that several
    // channels document, or one channel under two names) are in tests/shared_ids.rs and
    // tests/current_layout.rs, which build the crate from pages that have them.
}
