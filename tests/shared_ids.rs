//! Shared ids and namesake groups, as a crate generated from the current-layout pages
//! has them: status 5101 is `DELIVERED_MMS` in MMS and `REJECTED_CALL_SETUP_FAILED` in
//! Voice and WebRTC, error 1 is `EC_UNKNOWN_SUBSCRIBER` in General and
//! `EC_MMS_UNKNOWN_SUBSCRIBER` in MMS. The vendored page has no such ids, so the crate
//! is built from a copy of the package with those pages in its docs-source/.
//!
//! The copy's error page gives MMS's "Handset errors" the group id 2, so that one group
//! name has two ids (General's is 1): the wire objects' `groupId` then chooses between
//! two groups of one name.

mod support;

const PROBE: &str = r#"use infobip_codes::{Channel, ErrorCode, MessageError, MessageStatus, StatusCode};

// Fields set with `into`: ids from u16, texts from &str, whatever types the wire objects
// hold them in.
fn status(id: Option<u16>, name: Option<&str>) -> MessageStatus {
    let mut s = MessageStatus::default();
    s.id = id.map(Into::into);
    s.name = name.map(Into::into);
    s
}

fn error(group: Option<(u16, &str)>, id: Option<u16>, name: Option<&str>) -> MessageError {
    let mut e = MessageError::default();
    e.group_id = group.map(|g| g.0.into());
    e.group_name = group.map(|g| g.1.into());
    e.id = id.map(Into::into);
    e.name = name.map(Into::into);
    e
}

fn main() {
    println!("from_id(5101) {:?}", StatusCode::from_id(5101));
    println!("from_id_all(5101) {:?}", StatusCode::from_id_all(5101));
    println!(
        "from_channel_id(VoiceAndWebrtc, 5101) {:?}",
        StatusCode::from_channel_id(Channel::VoiceAndWebrtc, 5101)
    );
    for (id, name) in [
        (Some(5101), Some("REJECTED_CALL_SETUP_FAILED")),
        (Some(5101), Some(" rejected_call_setup_failed ")),
        (Some(5101), Some("DELIVERED_MMS")),
        (Some(5101), None),
        (Some(5101), Some("NOT_DOCUMENTED")),
        (None, Some("REJECTED_CALL_SETUP_FAILED")),
    ] {
        let s = status(id, name);
        println!(
            "status {id:?} {name:?}: {:?} {:?} final {:?}",
            s.code(),
            s.group(),
            s.is_final()
        );
    }
    println!("from_id_all(1) {:?}", ErrorCode::from_id_all(1));
    for (group, id, name) in [
        (None, Some(1), Some("EC_MMS_UNKNOWN_SUBSCRIBER")),
        (None, Some(1), None),
        (Some((2, "Handset errors")), None, None),
        (Some((1, "HANDSET_ERRORS")), None, None),
        (Some((7, "Handset errors")), None, None),
        (Some((2, "Handset errors")), Some(1), Some("EC_UNKNOWN_SUBSCRIBER")),
    ] {
        let e = error(group, id, name);
        println!(
            "error {group:?} {id:?} {name:?}: {:?} {:?} permanent {:?}",
            e.code(),
            e.group(),
            e.is_permanent()
        );
    }
}
"#;

/// A copy of the package generated from the current-layout pages, with `probe` as its
/// binary.
fn current_layout_copy(tag: &str, probe: &str) -> support::Copy {
    let copy = support::Copy::new(tag, probe);
    let page = |name: &str| {
        std::fs::read_to_string(copy.dir.join("tests/fixtures/pages/current").join(name)).unwrap()
    };
    let mms_handset =
        "### Handset errors (mms) [#handset-errors-mms-mms-error-codes]\n\nGroup ID: 1\n";
    let errors = page("error-codes.md");
    assert!(errors.contains(mms_handset));
    let errors = errors.replace(
        mms_handset,
        "### Handset errors (mms) [#handset-errors-mms-mms-error-codes]\n\nGroup ID: 2\n",
    );
    copy.docs_source(&[
        ("status-codes.md", page("status-codes.md").as_bytes()),
        ("error-codes.md", errors.as_bytes()),
    ]);
    copy.write_generated();
    copy
}

#[test]
fn codes_sharing_an_id_and_groups_sharing_a_name_resolve_by_the_payload() {
    let copy = current_layout_copy("shared-ids", PROBE);
    let (ok, stdout, stderr) = copy.probe(&["serde"]);
    assert!(ok, "{stderr}");
    let expected = [
        // `from_id` takes the first in channel order (General, Voice, Push, Email, Chat,
        // then the others by name: mms before voice-and-webrtc).
        "from_id(5101) Some(DeliveredMms)",
        "from_id_all(5101) [DeliveredMms, RejectedCallSetupFailed]",
        "from_channel_id(VoiceAndWebrtc, 5101) Some(RejectedCallSetupFailed)",
        // The payload's name chooses among the codes that share the id, in any case and
        // with surrounding spaces; without a name, or with another one, the first.
        "status Some(5101) Some(\"REJECTED_CALL_SETUP_FAILED\"): Some(RejectedCallSetupFailed) Some(Rejected) final true",
        "status Some(5101) Some(\" rejected_call_setup_failed \"): Some(RejectedCallSetupFailed) Some(Rejected) final true",
        "status Some(5101) Some(\"DELIVERED_MMS\"): Some(DeliveredMms) Some(Delivered) final true",
        "status Some(5101) None: Some(DeliveredMms) Some(Delivered) final true",
        "status Some(5101) Some(\"NOT_DOCUMENTED\"): Some(DeliveredMms) Some(Delivered) final true",
        "status None Some(\"REJECTED_CALL_SETUP_FAILED\"): Some(RejectedCallSetupFailed) Some(Rejected) final true",
        "from_id_all(1) [EcUnknownSubscriber, EcMmsUnknownSubscriber]",
        "error None Some(1) Some(\"EC_MMS_UNKNOWN_SUBSCRIBER\"): Some(EcMmsUnknownSubscriber) Some(HandsetErrors2) permanent true",
        "error None Some(1) None: Some(EcUnknownSubscriber) Some(HandsetErrors1) permanent true",
        // `groupId` chooses between the groups named "Handset errors"; an id that neither
        // has leaves the first of the name.
        "error Some((2, \"Handset errors\")) None None: None Some(HandsetErrors2) permanent false",
        "error Some((1, \"HANDSET_ERRORS\")) None None: None Some(HandsetErrors1) permanent false",
        "error Some((7, \"Handset errors\")) None None: None Some(HandsetErrors1) permanent false",
        // The payload's group wins over the code's.
        "error Some((2, \"Handset errors\")) Some(1) Some(\"EC_UNKNOWN_SUBSCRIBER\"): Some(EcUnknownSubscriber) Some(HandsetErrors2) permanent true",
    ];
    let lines: Vec<&str> = stdout.lines().collect();
    for (i, (got, want)) in lines.iter().zip(expected).enumerate() {
        assert_eq!(
            *got,
            want,
            "line {} of the probe's output:\n{stdout}",
            i + 1
        );
    }
    assert_eq!(lines.len(), expected.len(), "{stdout}");
}

/// Every code through serde_json and through CBOR, and back: how many come back as the
/// same code, and which do not.
const ROUND_TRIP_PROBE: &str = r#"use infobip_codes::{ErrorCode, ErrorGroup, StatusCode, StatusGroup};
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

fn json<T: Serialize + DeserializeOwned>(code: &T) -> Result<T, String> {
    let text = serde_json::to_string(code).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| format!("{text}: {e}"))
}

fn cbor<T: Serialize + DeserializeOwned>(code: &T) -> Result<T, String> {
    let mut bytes = Vec::new();
    ciborium::into_writer(code, &mut bytes).map_err(|e| e.to_string())?;
    ciborium::from_reader(bytes.as_slice()).map_err(|e| e.to_string())
}

fn count<T>(kind: &str, all: &[T])
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    for (format, through) in [("json", json::<T> as fn(&T) -> Result<T, String>), ("cbor", cbor::<T>)] {
        let mut same = 0;
        for code in all {
            match through(code) {
                Ok(back) if back == *code => same += 1,
                Ok(back) => println!("{kind} {format}: {code:?} came back as {back:?}"),
                Err(e) => println!("{kind} {format}: {code:?} failed: {e}"),
            }
        }
        println!("{kind} {format}: {same} of {} come back as the same code", all.len());
    }
}

fn main() {
    count("status", StatusCode::ALL);
    count("error", ErrorCode::ALL);
    // Groups too: "Handset errors" is error group 1 in General and 2 in MMS here.
    count("status group", StatusGroup::ALL);
    count("error group", ErrorGroup::ALL);
    println!("{}", serde_json::to_string(&ErrorGroup::ALL).unwrap());
    // A key names one code, or none: never another code of the id.
    for key in [
        "people-api/40404/CUSTOM_ATTRIBUTE_DOES_NOT_EXIST",
        "people-api/40404/custom_attribute_does_not_exist",
        "people-api/40404",
        "people-api/40404/REWORDED",
        "mms/1/REWORDED",
        "sms/1/EC_MMS_UNKNOWN_SUBSCRIBER",
    ] {
        let text = serde_json::to_string(key).unwrap();
        println!("{key}: {:?}", serde_json::from_str::<ErrorCode>(&text).ok());
    }
}
"#;

/// Adds serde_json and ciborium to the copy's dependencies, where its binary sees them
/// (the package has them as dev-dependencies, which only tests, examples and benches see).
fn with_json_and_cbor(copy: &support::Copy) {
    let manifest = copy.dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let serde = "serde = { version = \"1.0.200\", default-features = false, optional = true }\n";
    assert!(
        text.contains(serde),
        "the manifest's serde dependency moved"
    );
    let text = text.replacen(
        serde,
        &format!("{serde}serde_json = \"1\"\nciborium = \"0.2\"\n"),
        1,
    );
    std::fs::write(&manifest, text).unwrap();
}

#[test]
fn every_code_comes_back_through_serde_as_the_same_code() {
    let copy = current_layout_copy("serde-round-trip", ROUND_TRIP_PROBE);
    with_json_and_cbor(&copy);
    let (ok, stdout, stderr) = copy.probe(&["serde"]);
    assert!(ok, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    // The copy documents 10 statuses and 9 errors; status 5101 and error 1 in two
    // channels each, error 40404 under two names in one.
    assert_eq!(
        lines,
        [
            "status json: 10 of 10 come back as the same code",
            "status cbor: 10 of 10 come back as the same code",
            "error json: 9 of 9 come back as the same code",
            "error cbor: 9 of 9 come back as the same code",
            "status group json: 4 of 4 come back as the same code",
            "status group cbor: 4 of 4 come back as the same code",
            // Before groups serialized as `ID/NAME`, HandsetErrors2 came back as
            // HandsetErrors1: its name alone named the first group of the name.
            "error group json: 5 of 5 come back as the same code",
            "error group cbor: 5 of 5 come back as the same code",
            "[\"0/OK\",\"1/Handset errors\",\"2/Handset errors\",\"Not found\",\"Validation error\"]",
            "people-api/40404/CUSTOM_ATTRIBUTE_DOES_NOT_EXIST: Some(CustomAttributeDoesNotExist)",
            "people-api/40404/custom_attribute_does_not_exist: Some(CustomAttributeDoesNotExist)",
            // Without a name, the first in page order, as `from_channel_id`.
            "people-api/40404: Some(AdditionalFieldDoesNotExist)",
            // Two codes of the channel and id, neither of that name: none.
            "people-api/40404/REWORDED: None",
            // The only code of the channel and id: its name was reworded.
            "mms/1/REWORDED: Some(EcMmsUnknownSubscriber)",
            // No such channel: the only code of the id and name.
            "sms/1/EC_MMS_UNKNOWN_SUBSCRIBER: Some(EcMmsUnknownSubscriber)",
        ],
        "{stdout}"
    );
}
