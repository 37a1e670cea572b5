//! The wire objects lose nothing, whatever serde_json's features in the build: random
//! objects (known fields with odd types, extra fields, unicode, huge and negative numbers)
//! decode and serialize back to the same fields and values through JSON text, through
//! `serde_json::Value`, and through CBOR, which shows that they do not lean on
//! serde_json.
//!
//! serde_json's `arbitrary_precision` feature changes how it hands numbers over, and Cargo
//! turns it on for a whole build as soon as any crate in it asks for it. CI runs this file
//! without the feature and, in a `cargo test` call of its own so that no other test sees
//! it, with it:
//!
//! ```text
//! EXPECT_ARBITRARY_PRECISION=on cargo test -p infobip-codes --all-features \
//!     --features serde_json/arbitrary_precision --test wire_lossless
//! ```
//!
//! `EXPECT_ARBITRARY_PRECISION` (`on` or `off`) makes the run check that the build is the
//! one intended; `PROPERTY_CASES` sets the number of random objects per property (2,000
//! unless told).

use infobip_codes::wire::Value;
use infobip_codes::{MessageError, MessageStatus};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::de::value::{Error as PlainError, MapDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Serialize, Serializer};
use serde_test::{assert_ser_tokens, assert_tokens, Configure, Token};
use std::collections::HashSet;
use std::fmt::{Debug, Display, Write};

/// The key of the map by which serde_json, with `arbitrary_precision`, hands a number over.
const TOKEN: &str = "$serde_json::private::Number";

/// Whether serde_json in this build keeps a number's digits (its `arbitrary_precision`
/// feature), asked of serde_json itself.
fn arbitrary_precision() -> bool {
    let digits = "0.10000000000000000000001";
    serde_json::from_str::<serde_json::Number>(digits)
        .expect("a JSON number")
        .to_string()
        == digits
}

/// Random objects per property: `PROPERTY_CASES` in the environment, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn the_build_is_the_one_intended() {
    let on = arbitrary_precision();
    println!(
        "serde_json's arbitrary_precision: {}",
        if on { "on" } else { "off" }
    );
    match std::env::var("EXPECT_ARBITRARY_PRECISION").as_deref() {
        Ok("on") => assert!(on, "the feature should be on in this build"),
        Ok("off") => assert!(!on, "the feature should be off in this build"),
        Ok(other) => panic!("EXPECT_ARBITRARY_PRECISION is on or off, not {other:?}"),
        Err(_) => {}
    }
}

/// Decodes `text` as a status; gives back the status and its re-encoding.
fn status(text: &str) -> (MessageStatus, String) {
    let s: MessageStatus = serde_json::from_str(text).unwrap();
    let back = serde_json::to_string(&s).unwrap();
    (s, back)
}

#[test]
fn numbers_stay_numbers() {
    // Known fields with odd types and an extra field: all kept raw, written back as they came.
    let text = r#"{"groupId":3.5,"id":"5","extra":0.1}"#;
    let (s, back) = status(text);
    assert_eq!(back, text);
    let raw: Vec<String> = s.extra.iter().map(|(_, v)| format!("{v:?}")).collect();
    if arbitrary_precision() {
        assert_eq!(raw, ["Number(3.5)", "String(\"5\")", "Number(0.1)"]);
    } else {
        assert_eq!(raw, ["F64(3.5)", "String(\"5\")", "F64(0.1)"]);
    }
}

#[test]
fn huge_and_negative_numbers_keep_their_digits_under_arbitrary_precision() {
    let text = r#"{"id":-7,"groupId":123456789012345678901234567890,"neg":-98765432109876543210,"exact":0.30000000000000000000000000001,"tiny":1e-400,"huge":-1.5E300,"zero":-0}"#;
    let (s, back) = status(text);
    assert_eq!(s.id, Some(-7));
    if !arbitrary_precision() {
        // serde_json reads such numbers as f64 without the feature; that is its choice.
        let names: Vec<&str> = s.extra.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["groupId", "neg", "exact", "tiny", "huge", "zero"]);
        return;
    }
    // serde_json normalises the exponent it reads (`E300` to `e+300`).
    assert_eq!(
        back,
        r#"{"id":-7,"groupId":123456789012345678901234567890,"neg":-98765432109876543210,"exact":0.30000000000000000000000000001,"tiny":1e-400,"huge":-1.5e+300,"zero":-0}"#
    );
    // From serde_json's Value, integers of up to 128 bits come as such, and `-1.5e+300`
    // as the f64 that serde_json writes back the same. (It reads `-0` as the integer 0
    // there, so that one is left out.)
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    value.as_object_mut().unwrap().remove("zero");
    let s: MessageStatus = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&s).unwrap(), value);
    let mut raw: Vec<String> = s.extra.iter().map(|(k, v)| format!("{k}: {v:?}")).collect();
    raw.sort();
    assert_eq!(
        raw,
        [
            "exact: Number(0.30000000000000000000000000001)",
            "groupId: U128(123456789012345678901234567890)",
            "huge: F64(-1.5e300)",
            "neg: I128(-98765432109876543210)",
            "tiny: Number(1e-400)",
        ]
    );
}

#[test]
fn a_private_number_map_is_a_number_only_when_it_holds_one() {
    let on = arbitrary_precision();
    for number in ["0", "-0", "7", "1.5", "-0.0e+00", "1E5", "2.50", "1e-400"] {
        let text = format!(r#"{{"x":{{"{TOKEN}":"{number}"}}}}"#);
        let (s, back) = status(&text);
        assert_eq!(format!("{:?}", s.extra[0].1), format!("Number({number})"));
        // Without the feature, the map came spelled out and goes back so. With it,
        // serde_json hands it over as it hands over a number, and writes it as one.
        let expected = if on {
            format!(r#"{{"x":{number}}}"#)
        } else {
            text.clone()
        };
        assert_eq!(back, expected, "{text}");
    }
    // serde_json writes a number's text out unchecked: nothing but a number passes for one.
    for not_a_number in [
        "",
        "-",
        "+1",
        "01",
        "-01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "1.5e3.2",
        "0x10",
        " 1",
        "1 ",
        "NaN",
        "Infinity",
        "١",
        "1,\"admin\":true",
    ] {
        let text = format!(
            r#"{{"x":{{"{TOKEN}":{}}}}}"#,
            serde_json::to_string(not_a_number).unwrap()
        );
        let (s, back) = status(&text);
        assert!(matches!(s.extra[0].1, Value::Object(_)), "{text}");
        assert_eq!(back, text);
    }
    // Another member beside it, or a value that is not a string: a map like any other.
    for text in [
        format!(r#"{{"x":{{"{TOKEN}":"1","y":2}}}}"#),
        format!(r#"{{"x":{{"y":2,"{TOKEN}":"1"}}}}"#),
        format!(r#"{{"x":{{"{TOKEN}":1}}}}"#),
    ] {
        let (s, back) = status(&text);
        assert!(matches!(s.extra[0].1, Value::Object(_)), "{text}");
        assert_eq!(back, text);
    }
}

#[test]
fn serde_calls_without_serde_json() {
    // What serde_json hands over with `arbitrary_precision`, made with serde alone.
    let number = plain(MapDeserializer::<_, PlainError>::new(std::iter::once((
        TOKEN, "3.5",
    ))));
    assert_eq!(format!("{number:?}"), "Number(3.5)");
    // Human-readable formats get the struct that serde_json writes as the number...
    assert_ser_tokens(
        &number.clone().readable(),
        &[
            Token::Struct {
                name: TOKEN,
                len: 1,
            },
            Token::Str(TOKEN),
            Token::Str("3.5"),
            Token::StructEnd,
        ],
    );
    // ...the others the map it came as (some of them write a struct as an array).
    assert_tokens(
        &number.compact(),
        &[
            Token::Map { len: Some(1) },
            Token::Str(TOKEN),
            Token::Str("3.5"),
            Token::MapEnd,
        ],
    );

    // 128-bit integers: kept, in the narrowest variant that holds them.
    let above_u64 = u128::from(u64::MAX) + 1;
    let integers: [(Value, Value); 7] = [
        (plain(u128::MAX), Value::U128(u128::MAX)),
        (plain(above_u64 as i128), Value::U128(above_u64)),
        (plain(i128::MIN), Value::I128(i128::MIN)),
        (
            plain(i128::from(i64::MIN) - 1),
            Value::I128(i128::from(i64::MIN) - 1),
        ),
        (plain(i128::from(i64::MIN)), Value::I64(i64::MIN)),
        (plain(i128::from(u64::MAX)), Value::U64(u64::MAX)),
        (plain(5u128), Value::I64(5)),
    ];
    for (decoded, expected) in integers {
        assert_eq!(decoded, expected);
    }

    // In a known field: typed when it fits, raw otherwise; either way nothing is lost.
    let s = MessageStatus::deserialize(MapDeserializer::<_, PlainError>::new(
        [("groupId", 3i128), ("id", 1 << 100), ("low", i128::MIN)].into_iter(),
    ))
    .unwrap();
    assert_eq!((s.group_id, s.id), (Some(3), None));
    assert_eq!(
        s.extra,
        [
            ("id".to_owned(), Value::U128(1 << 100)),
            ("low".to_owned(), Value::I128(i128::MIN))
        ]
    );
    let e = MessageError::deserialize(MapDeserializer::<_, PlainError>::new(
        [("id", 5u128), ("groupId", u128::MAX)].into_iter(),
    ))
    .unwrap();
    assert_eq!((e.id, e.group_id), (Some(5), None));
    assert_eq!(e.extra, [("groupId".to_owned(), Value::U128(u128::MAX))]);
}

/// A value decoded from serde's own deserializer for `v`.
fn plain<'de, T: IntoDeserializer<'de, PlainError>>(v: T) -> Value {
    Value::deserialize(v.into_deserializer()).unwrap()
}

/// A JSON-like document as the test makes it. The test writes it as JSON text and as CBOR
/// itself, so the inputs owe nothing to the code under test.
#[derive(Clone, Debug)]
enum Doc {
    Null,
    Bool(bool),
    I64(i64),
    U64(u64),
    F64(f64),
    /// A number as text: up to 45 digits, a fraction, an exponent (mostly more than an
    /// `i64`, `u64` or `f64` holds exactly).
    Digits(String),
    Str(String),
    Array(Vec<Doc>),
    Object(Vec<(String, Doc)>),
}

/// The field names the wire objects know.
const KNOWN: [&str; 7] = [
    "groupId",
    "groupName",
    "id",
    "name",
    "description",
    "action",
    "permanent",
];

/// Any text: every Unicode scalar, control characters and quotes included.
fn text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

/// A number's text in JSON's grammar, up to 45 integer digits, 30 fraction digits and an
/// exponent of 250 either way (within f64's range, which serde_json needs without the
/// feature).
fn digits() -> impl Strategy<Value = String> {
    let integer = prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,44}"];
    let fraction = proptest::option::of("[0-9]{1,30}");
    let exponent = proptest::option::of(("[eE]", prop_oneof!["", "\\+", "-"], 0u32..250));
    (any::<bool>(), integer, fraction, exponent).prop_map(
        |(negative, integer, fraction, exponent)| {
            let mut t = String::new();
            if negative {
                t.push('-');
            }
            t.push_str(&integer);
            if let Some(f) = fraction {
                write!(t, ".{f}").unwrap();
            }
            if let Some((e, sign, n)) = exponent {
                write!(t, "{e}{sign}{n}").unwrap();
            }
            // serde_json's Value reads `-0` as the integer 0 (its loss, not the objects'):
            // the deterministic tests cover `-0`.
            if t == "-0" {
                t.remove(0);
            }
            t
        },
    )
}

fn scalar() -> impl Strategy<Value = Doc> {
    prop_oneof![
        Just(Doc::Null),
        any::<bool>().prop_map(Doc::Bool),
        any::<i64>().prop_map(Doc::I64),
        (i64::MAX as u64 + 1..=u64::MAX).prop_map(Doc::U64),
        prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(0)].prop_map(Doc::I64),
        (proptest::num::f64::NORMAL
            | proptest::num::f64::SUBNORMAL
            | proptest::num::f64::ZERO
            | proptest::num::f64::POSITIVE
            | proptest::num::f64::NEGATIVE)
            .prop_map(Doc::F64),
        digits().prop_map(Doc::Digits),
        text().prop_map(Doc::Str),
    ]
}

/// A member name: a known one, or any text.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(&KNOWN[..]).prop_map(str::to_owned),
        text()
    ]
}

/// Keeps the first member of each name (a known field named twice is an error).
fn unique(members: Vec<(String, Doc)>) -> Vec<(String, Doc)> {
    let mut seen = HashSet::new();
    members
        .into_iter()
        .filter(|(k, _)| seen.insert(k.clone()))
        .collect()
}

fn doc() -> impl Strategy<Value = Doc> {
    scalar().prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Doc::Array),
            vec((key(), inner), 0..6).prop_map(|m| Doc::Object(unique(m))),
            // serde_json's private number map, spelled out in the input.
            digits().prop_map(|t| Doc::Object(vec![(TOKEN.to_owned(), Doc::Str(t))])),
        ]
    })
}

/// The value of a known field: usually of the type the objects expect, else anything.
fn value_for(key: &str) -> BoxedStrategy<Doc> {
    let typed = match key {
        "groupId" | "id" => any::<i64>().prop_map(Doc::I64).boxed(),
        "permanent" => any::<bool>().prop_map(Doc::Bool).boxed(),
        _ => text().prop_map(Doc::Str).boxed(),
    };
    prop_oneof![2 => typed, 1 => doc()].boxed()
}

/// A status or error object: known fields (typed or not) and extra ones, in random order.
fn object() -> impl Strategy<Value = Vec<(String, Doc)>> {
    let member = key().prop_flat_map(|k| {
        let value = value_for(&k);
        (Just(k), value)
    });
    vec(member, 0..12).prop_map(unique)
}

fn write_json(doc: &Doc, out: &mut String) {
    match doc {
        Doc::Null => out.push_str("null"),
        Doc::Bool(b) => write!(out, "{b}").unwrap(),
        Doc::I64(n) => write!(out, "{n}").unwrap(),
        Doc::U64(n) => write!(out, "{n}").unwrap(),
        // Debug writes JSON's forms: `0.1`, `-0.0`, `1e-7`, `1.5e300`.
        Doc::F64(x) => write!(out, "{x:?}").unwrap(),
        Doc::Digits(t) => out.push_str(t),
        Doc::Str(s) => write_json_string(s, out),
        Doc::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Doc::Object(members) => write_json_object(members, out),
    }
}

fn write_json_object(members: &[(String, Doc)], out: &mut String) {
    out.push('{');
    for (i, (k, v)) in members.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_json_string(k, out);
        out.push(':');
        write_json(v, out);
    }
    out.push('}');
}

fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => write!(out, "\\u{:04x}", u32::from(c)).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// CBOR carries integers of up to 128 bits; other numbers go as the nearest f64.
impl Serialize for Doc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Doc::Null => s.serialize_unit(),
            Doc::Bool(b) => s.serialize_bool(*b),
            Doc::I64(n) => s.serialize_i64(*n),
            Doc::U64(n) => s.serialize_u64(*n),
            Doc::F64(x) => s.serialize_f64(*x),
            Doc::Digits(t) => match (t.parse::<i128>(), t.parse::<u128>()) {
                (Ok(n), _) => s.serialize_i128(n),
                (_, Ok(n)) => s.serialize_u128(n),
                _ => s.serialize_f64(t.parse().expect("a number's text")),
            },
            Doc::Str(t) => s.serialize_str(t),
            Doc::Array(items) => s.collect_seq(items),
            Doc::Object(members) => s.collect_map(members.iter().map(|(k, v)| (k, v))),
        }
    }
}

fn fail(e: impl Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// JSON text, and serde_json's Value read from it, through `T` and back.
fn through_json<T>(text: &str, arbitrary_precision: bool) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + Debug,
{
    let expected: serde_json::Value = serde_json::from_str(text).map_err(fail)?;
    let decoded: T = serde_json::from_str(text).map_err(fail)?;
    prop_assert_eq!(&serde_json::to_value(&decoded).map_err(fail)?, &expected);

    // The text: it must read back as serde_json's own text for the same values does.
    // (Without `float_roundtrip`, serde_json may read an f64 it wrote one step off; the
    // same text reads the same way.)
    let out = serde_json::to_string(&decoded).map_err(fail)?;
    let reference = serde_json::to_string(&expected).map_err(fail)?;
    let read_back: serde_json::Value = serde_json::from_str(&reference).map_err(fail)?;
    prop_assert_eq!(
        &serde_json::from_str::<serde_json::Value>(&out).map_err(fail)?,
        &read_back
    );
    // serde_json's own Value reads its private map back as a number, so the text is
    // checked apart: the private key never appears where the input had none. (With the
    // feature, a private map spelled out in the input is written as the number it holds.)
    let (keys_in, keys_out) = (text.matches(TOKEN).count(), out.matches(TOKEN).count());
    if arbitrary_precision {
        prop_assert!(keys_out <= keys_in, "{out}");
    } else {
        prop_assert_eq!(keys_out, keys_in, "{}", out);
    }
    let again: T = serde_json::from_str(&out).map_err(fail)?;
    prop_assert_eq!(&serde_json::to_value(&again).map_err(fail)?, &read_back);

    // serde_json's Value hands numbers over its own way: integers of up to 128 bits as
    // such and, with the feature, as an f64 a number whose text Rust's float formatting
    // writes alike, which serde_json may then write otherwise (`-151460180695651.13`
    // comes back as `-151460180695651.12`, the same f64). The objects keep what it hands
    // over, as its own Value does.
    let from_value: T = serde_json::from_value(expected.clone()).map_err(fail)?;
    let handed_over: serde_json::Value = serde_json::from_value(expected.clone()).map_err(fail)?;
    prop_assert_eq!(
        &serde_json::to_value(&from_value).map_err(fail)?,
        &handed_over
    );
    Ok(())
}

/// The top-level members of a CBOR map sorted by name (the objects write their known
/// fields first); everything inside them in the order it came.
fn cbor_members(bytes: &[u8]) -> Result<Vec<(ciborium::Value, ciborium::Value)>, TestCaseError> {
    let value: ciborium::Value = ciborium::from_reader(bytes).map_err(fail)?;
    let mut members = value
        .into_map()
        .map_err(|v| fail(format!("not a map: {v:?}")))?;
    members.sort_by(|a, b| a.0.as_text().cmp(&b.0.as_text()));
    Ok(members)
}

/// CBOR through `T` and back.
fn through_cbor<T>(doc: &Doc) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + Debug + PartialEq,
{
    let mut input = Vec::new();
    ciborium::into_writer(doc, &mut input).map_err(fail)?;
    let decoded: T = ciborium::from_reader(input.as_slice()).map_err(fail)?;
    let mut out = Vec::new();
    ciborium::into_writer(&decoded, &mut out).map_err(fail)?;
    prop_assert_eq!(cbor_members(&out)?, cbor_members(&input)?);
    let again: T = ciborium::from_reader(out.as_slice()).map_err(fail)?;
    prop_assert_eq!(again, decoded);
    Ok(())
}

/// Runs `check` on `cases` random objects; gives back how many it ran.
fn run(check: impl Fn(&[(String, Doc)]) -> Result<(), TestCaseError>) -> u32 {
    let cases = cases(2000);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let ran = std::cell::Cell::new(0);
    let result = runner.run(&object(), |members| {
        ran.set(ran.get() + 1);
        check(&members)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert_eq!(ran.get(), cases, "every case runs once when all pass");
    cases
}

/// Whether serde_json, with `arbitrary_precision`, hands a number in `doc` over as its
/// private map (any number but an integer of 64 bits), or `doc` spells that map out.
fn holds_private_number(doc: &Doc) -> bool {
    match doc {
        Doc::F64(_) => true,
        Doc::Digits(t) => t.parse::<i64>().is_err() && t.parse::<u64>().is_err(),
        Doc::Array(items) => items.iter().any(holds_private_number),
        Doc::Object(members) => members
            .iter()
            .any(|(k, v)| k == TOKEN || holds_private_number(v)),
        _ => false,
    }
}

#[test]
fn random_objects_through_json() {
    let on = arbitrary_precision();
    let with_private_numbers = std::cell::Cell::new(0);
    let ran = run(|members| {
        if members.iter().any(|(_, v)| holds_private_number(v)) {
            with_private_numbers.set(with_private_numbers.get() + 1);
        }
        let mut text = String::new();
        write_json_object(members, &mut text);
        through_json::<MessageStatus>(&text, on)?;
        through_json::<MessageError>(&text, on)
    });
    let with_private_numbers = with_private_numbers.get();
    println!(
        "{ran} random objects through JSON, as statuses and as errors, serde_json's \
         arbitrary_precision {}; {with_private_numbers} of them hold numbers it passes as \
         text with the feature",
        if on { "on" } else { "off" }
    );
    assert!(
        with_private_numbers * 4 >= ran,
        "too few objects hold numbers that serde_json passes as text"
    );
}

#[test]
fn random_objects_through_cbor() {
    let ran = run(|members| {
        let doc = Doc::Object(members.to_vec());
        through_cbor::<MessageStatus>(&doc)?;
        through_cbor::<MessageError>(&doc)
    });
    println!("{ran} random objects through CBOR, as statuses and as errors");
}
