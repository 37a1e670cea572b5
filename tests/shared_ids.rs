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

#[test]
fn codes_sharing_an_id_and_groups_sharing_a_name_resolve_by_the_payload() {
    let copy = support::Copy::new("shared-ids", PROBE);
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
