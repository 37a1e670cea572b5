//! Codes through serde: each serializes as its key `channel/id/NAME`, comes back as the
//! same code through JSON and CBOR, keys maps, and is read from a key, a name or an id
//! with the documented precedence. `tests/shared_ids.rs` does the same on a crate
//! generated from pages where ids repeat across channels and one id has two names.

use infobip_codes::{Channel, ErrorCode, StatusCode};
use serde::{de::DeserializeOwned, Serialize};
use std::collections::BTreeMap;
use std::fmt::Debug;

fn key_of(channel: Channel, id: u16, name: &str) -> String {
    format!("{}/{id}/{name}", channel.as_str())
}

fn cbor<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

/// `code` through JSON and CBOR, each written as `key` and read back as `code`.
fn round_trips<T>(code: T, key: &str)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug + Copy,
{
    let json = serde_json::to_string(&code).unwrap();
    assert_eq!(json, serde_json::to_string(key).unwrap(), "{code:?}");
    assert_eq!(serde_json::from_str::<T>(&json).unwrap(), code);

    // In CBOR, the same text: the format is not human-readable, the key is the same.
    let bytes = cbor(&code);
    assert_eq!(bytes, cbor(&key), "{code:?}");
    assert_eq!(
        ciborium::from_reader::<T, _>(bytes.as_slice()).unwrap(),
        code
    );
}

#[test]
fn every_code_serializes_as_its_key_and_comes_back_through_json_and_cbor() {
    for &code in StatusCode::ALL {
        round_trips(code, &key_of(code.channel(), code.id(), code.name()));
    }
    for &code in ErrorCode::ALL {
        round_trips(code, &key_of(code.channel(), code.id(), code.name()));
    }
    // One name, five ids: the key tells them apart.
    assert_eq!(
        serde_json::to_string(&ErrorCode::EcVoiceErrorBadRequest5403).unwrap(),
        r#""voice/5403/EC_VOICE_ERROR_BAD_REQUEST""#
    );
}

#[test]
fn codes_key_maps() {
    let map = BTreeMap::from([
        (StatusCode::DeliveredToHandset, 2),
        (StatusCode::PendingEnroute, 1),
    ]);
    let json = serde_json::to_string(&map).unwrap();
    assert_eq!(
        json,
        r#"{"general/5/DELIVERED_TO_HANDSET":2,"general/7/PENDING_ENROUTE":1}"#
    );
    assert_eq!(
        serde_json::from_str::<BTreeMap<StatusCode, u32>>(&json).unwrap(),
        map
    );
}

fn read<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

fn read_cbor<T: DeserializeOwned, V: Serialize>(value: &V) -> Result<T, String> {
    ciborium::from_reader(cbor(value).as_slice()).map_err(|e| e.to_string())
}

#[test]
fn a_key_a_name_and_an_id_are_read_in_the_documented_order() {
    let ok = |json: &str| read::<StatusCode>(json);
    let handset = Ok(StatusCode::DeliveredToHandset);
    // 1. The key; its name in any ASCII case; `channel/id` without a name.
    assert_eq!(ok(r#""general/5/DELIVERED_TO_HANDSET""#), handset);
    assert_eq!(ok(r#""GENERAL/5/delivered_to_handset""#), handset);
    assert_eq!(ok(r#""general/5""#), handset);
    // 2. A documented name, in any ASCII case.
    assert_eq!(ok(r#""DELIVERED_TO_HANDSET""#), handset);
    assert_eq!(ok(r#""delivered_to_handset""#), handset);
    // 3. An id: a number, or its digits.
    assert_eq!(ok("5"), handset);
    assert_eq!(ok(r#""5""#), handset);
    // In CBOR too, written as text; a number there is refused, since the formats that
    // are not human-readable are asked for a string.
    for text in [
        "general/5/DELIVERED_TO_HANDSET",
        "DELIVERED_TO_HANDSET",
        "5",
    ] {
        assert_eq!(read_cbor::<StatusCode, _>(&text), handset, "{text}");
    }
    assert!(read_cbor::<StatusCode, _>(&5u16).is_err());

    // A name documented for several ids gives the first of them; the key, the one it
    // names.
    assert_eq!(
        read::<ErrorCode>(r#""EC_VOICE_ERROR_BAD_REQUEST""#),
        Ok(ErrorCode::EcVoiceErrorBadRequest5400)
    );
    assert_eq!(
        read::<ErrorCode>(r#""voice/5487/EC_VOICE_ERROR_BAD_REQUEST""#),
        Ok(ErrorCode::EcVoiceErrorBadRequest5487)
    );
}

#[test]
fn a_key_survives_a_reworded_name_and_a_moved_code_but_never_names_another_code() {
    // The only code of the channel and id, under a name a refresh reworded.
    assert_eq!(
        read::<StatusCode>(r#""general/5/DELIVERED_TO_THE_HANDSET""#),
        Ok(StatusCode::DeliveredToHandset)
    );
    // The only code of the id and name, in a channel this version does not list (or
    // that no longer lists it).
    assert_eq!(
        read::<StatusCode>(r#""sms/5/DELIVERED_TO_HANDSET""#),
        Ok(StatusCode::DeliveredToHandset)
    );
    assert_eq!(
        read::<StatusCode>(r#""push/5/DELIVERED_TO_HANDSET""#),
        Ok(StatusCode::DeliveredToHandset)
    );
    // An id the channel does not document, under another name: nothing, although the
    // id is a code of another channel.
    assert!(StatusCode::from_channel_id(Channel::Push, 5).is_none());
    assert!(read::<StatusCode>(r#""push/5/SOMETHING_ELSE""#).is_err());
    assert!(read::<StatusCode>(r#""push/5""#).is_err());
}

#[test]
fn what_names_no_code_is_an_error_naming_what_is_read() {
    for json in [
        r#""general/9999/DELIVERED_TO_HANDSET""#,
        r#""general/99999/X""#,
        r#""general/+5/DELIVERED_TO_HANDSET""#,
        r#""general//DELIVERED_TO_HANDSET""#,
        r#""NOT_A_CODE""#,
        r#""""#,
        r#""+5""#,
        r#""9999""#,
        "9999",
        "-1",
        "70000",
        "1.5",
        "null",
        "[5]",
    ] {
        let err = read::<StatusCode>(json).unwrap_err();
        assert!(
            err.contains(
                "expected a status code: its key `channel/id/NAME`, a documented name, or an id"
            ),
            "{json}: {err}"
        );
    }
    let err = read::<ErrorCode>(r#""general/9999/EC_X""#).unwrap_err();
    assert!(
        err.starts_with(
            "invalid value: string \"general/9999/EC_X\", expected an error code: its key `channel/id/NAME`, a documented name, or an id"
        ),
        "{err}"
    );
}
