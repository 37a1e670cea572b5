//! The generated crate against the independently extracted list of codes, and every
//! code through every conversion.

use infobip_codes::{Channel, ErrorCode, ErrorGroup, StatusCode, StatusGroup};

#[path = "support/expected_catalog.rs"]
mod expected_catalog;

fn expected() -> Vec<expected_catalog::Row> {
    expected_catalog::rows(include_str!("fixtures/expected-catalog.tsv"))
}

#[test]
fn every_listed_code_is_in_the_crate_with_its_facts() {
    let rows = expected();
    for row in &rows {
        let channel: Channel = row.channel.parse().unwrap();
        match row.kind.as_str() {
            "status" => {
                let code = StatusCode::from_channel_id(channel, row.id).unwrap();
                assert_eq!(code.name(), row.name);
                assert_eq!(code.channel(), channel);
                let group = code.group().unwrap();
                assert_eq!(
                    (group.id(), group.name()),
                    (Some(row.group_id), row.group_name.as_str())
                );
                assert_eq!(row.permanent, None);
            }
            "error" => {
                let code = ErrorCode::from_channel_id(channel, row.id).unwrap();
                assert_eq!(code.name(), row.name);
                assert_eq!(code.channel(), channel);
                assert_eq!(code.permanent(), row.permanent);
                let group = code.group().unwrap();
                assert_eq!(
                    (group.id(), group.name()),
                    (Some(row.group_id), row.group_name.as_str())
                );
                assert_eq!(
                    ErrorGroup::from_channel_id(channel, row.group_id),
                    Some(group)
                );
            }
            other => panic!("unexpected kind {other}"),
        }
    }
    let statuses = rows.iter().filter(|r| r.kind == "status").count();
    assert_eq!(
        (StatusCode::ALL.len(), ErrorCode::ALL.len()),
        (statuses, rows.len() - statuses)
    );
    assert_eq!((statuses, rows.len() - statuses), (40, 149));
}

/// `text` without the addresses that plain text adds after a link's text: ` (https://...)`.
fn without_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" (http") {
        out.push_str(&rest[..at]);
        rest = rest[at..].find(')').map_or("", |end| &rest[at + end + 1..]);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn descriptions_are_the_page_text_as_plain_text() {
    for row in expected() {
        let channel: Channel = row.channel.parse().unwrap();
        let description = match row.kind.as_str() {
            "status" => StatusCode::from_channel_id(channel, row.id)
                .unwrap()
                .description(),
            _ => ErrorCode::from_channel_id(channel, row.id)
                .unwrap()
                .description(),
        };
        assert_eq!(
            without_addresses(description),
            row.text,
            "{} {}",
            row.kind,
            row.id
        );
        for markup in ["`", "\\", "](", "<http"] {
            assert!(!description.contains(markup), "{description}");
        }
    }
    // A link is its text and its address; a code span its text; a list or break a line.
    assert_eq!(
        StatusCode::RejectedNoApplication.description(),
        "The status occurs when in Push API call is used invalid or not existent ApplicationCode in field from. \
         Each application profile has it's own unique ApplicationCode. ApplicationCode is used in SDK as key \
         identifier for Applicatoin installed on end user device being able to communicate with our platform. \
         For the pair device + installed app pushRegistrationId is issued and it is uniquely linked to \
         ApplicactionCode. It's possible to get all available applications here \
         (https://dev.infobip.com/docs/push-application-get). Or check configuration here \
         (https://dev.infobip.com/push/applications)."
    );
    assert!(StatusCode::from_channel_id(Channel::General, 24)
        .unwrap()
        .description()
        .ends_with("clarification.\nhttps://en.wikipedia.org/wiki/User_Data_Header\nhttps://en.wikipedia.org/wiki/Concatenated_SMS"));
}

#[test]
fn every_status_round_trips() {
    for &code in StatusCode::ALL {
        assert_eq!(StatusCode::from_id(code.id()), Some(code));
        assert_eq!(StatusCode::try_from(code.id()), Ok(code));
        assert_eq!(u16::from(code), code.id());
        assert_eq!(StatusCode::from_name(code.name()), Some(code));
        assert_eq!(code.to_string().parse::<StatusCode>(), Ok(code));
        assert_eq!(
            code.name().to_ascii_lowercase().parse::<StatusCode>(),
            Ok(code)
        );
        assert_eq!(
            StatusCode::from_name_ignore_case(&code.name().to_ascii_lowercase()),
            Some(code)
        );
        assert_eq!(
            StatusCode::from_channel_id(code.channel(), code.id()),
            Some(code)
        );
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&code).unwrap();
            let key = format!("{}/{}/{}", code.channel(), code.id(), code.name());
            assert_eq!(json, serde_json::to_string(&key).unwrap());
            assert_eq!(serde_json::from_str::<StatusCode>(&json).unwrap(), code);
            let by_name = serde_json::to_string(code.name()).unwrap();
            assert_eq!(serde_json::from_str::<StatusCode>(&by_name).unwrap(), code);
        }
    }
}

#[test]
fn every_error_round_trips_and_shared_names_resolve_to_all_their_codes() {
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_id(code.id()), Some(code));
        assert_eq!(ErrorCode::try_from(code.id()), Ok(code));
        assert_eq!(
            ErrorCode::from_channel_id(code.channel(), code.id()),
            Some(code)
        );
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
        // A name documented once round-trips exactly; a shared name lists every code.
        let all = ErrorCode::from_name_all(code.name());
        assert!(all.contains(&code));
        let parsed: ErrorCode = code.to_string().parse().unwrap();
        assert_eq!(parsed.name(), code.name());
        if all.len() == 1 {
            assert_eq!(parsed, code);
        } else {
            assert_eq!(parsed, all[0]);
        }
    }
}

#[test]
fn a_name_documented_for_several_ids_is_disambiguated_by_id() {
    let all = ErrorCode::from_name_all("EC_VOICE_ERROR_BAD_REQUEST");
    assert_eq!(
        all,
        [
            ErrorCode::EcVoiceErrorBadRequest5400,
            ErrorCode::EcVoiceErrorBadRequest5403,
            ErrorCode::EcVoiceErrorBadRequest5408,
            ErrorCode::EcVoiceErrorBadRequest5487,
            ErrorCode::EcVoiceErrorBadRequest5491,
        ]
    );
    let ids: Vec<u16> = all.iter().map(|c| c.id()).collect();
    assert_eq!(ids, [5400, 5403, 5408, 5487, 5491]);
    assert_eq!(
        ErrorCode::from_name("EC_VOICE_ERROR_BAD_REQUEST"),
        Some(ErrorCode::EcVoiceErrorBadRequest5400)
    );
}

#[test]
fn status_and_error_ids_are_separate_namespaces() {
    assert_eq!(StatusCode::from_id(5), Some(StatusCode::DeliveredToHandset));
    assert_eq!(
        ErrorCode::from_id(5),
        Some(ErrorCode::EcUnidentifiedSubscriber)
    );
    assert_eq!(
        StatusCode::from_id(51).map(|c| c.name()),
        Some("MISSING_TO")
    );
    assert_eq!(
        ErrorCode::from_id(51).map(|c| c.name()),
        Some("EC_RESOURCE_LIMITATION")
    );
}

#[test]
fn unknown_ids_and_names_are_errors_not_panics() {
    assert_eq!(StatusCode::from_id(1), None);
    assert_eq!(
        StatusCode::try_from(1_u16).unwrap_err().to_string(),
        "unknown status code id 1"
    );
    // Ids as the wire holds them: outside u16's range, unknown, never truncated.
    assert_eq!(
        StatusCode::try_from(65536_i32 + 5).unwrap_err().to_string(),
        "unknown status code id 65541"
    );
    assert_eq!(ErrorCode::try_from(-1_i32).unwrap_err().id(), -1);
    assert_eq!(
        StatusCode::try_from(5_i32),
        Ok(StatusCode::DeliveredToHandset)
    );
    assert_eq!(
        "".parse::<StatusCode>().unwrap_err().to_string(),
        "unknown status code name"
    );
    assert_eq!(StatusCode::from_name_ignore_case(&"X".repeat(10_000)), None);
    assert_eq!(
        ErrorCode::from_name_ignore_case("ÉC_UNKNOWN_SUBSCRIBER"),
        None
    );
    #[cfg(feature = "serde")]
    {
        let err = serde_json::from_str::<StatusCode>("9999").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "invalid value: integer `9999`, expected a status code: its key `channel/id/NAME`, a documented name, or an id"
            ),
            "{err}"
        );
        assert!(serde_json::from_str::<StatusCode>("-1").is_err());
        assert!(serde_json::from_str::<StatusCode>("\"NOPE\"").is_err());
        assert!(serde_json::from_str::<StatusCode>("1.5").is_err());
    }
}

#[test]
fn finality_and_permanence() {
    let non_final: Vec<&str> = StatusCode::ALL
        .iter()
        .filter(|c| !c.is_final())
        .map(|c| c.name())
        .collect();
    assert_eq!(
        non_final,
        [
            "DELIVERED_TO_OPERATOR",
            "PENDING_WAITING_DELIVERY",
            "PENDING_ENROUTE",
            "PENDING_ACCEPTED"
        ]
    );
    assert!(StatusCode::ALL
        .iter()
        .filter(|c| c.group() == Some(StatusGroup::Pending))
        .all(|c| !c.is_final()));
    assert!(ErrorCode::VoiceAnswered.is_permanent());
    assert_eq!(
        ErrorCode::ALL
            .iter()
            .filter(|c| c.permanent().is_none())
            .count(),
        0
    );
}

#[test]
fn groups_and_channels() {
    let names: Vec<&str> = StatusGroup::ALL.iter().map(|g| g.name()).collect();
    assert_eq!(
        names,
        [
            "PENDING",
            "UNDELIVERABLE",
            "DELIVERED",
            "EXPIRED",
            "REJECTED"
        ]
    );
    let ids: Vec<Option<u16>> = StatusGroup::ALL.iter().map(|g| g.id()).collect();
    assert_eq!(ids, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    for &g in StatusGroup::ALL {
        assert_eq!(StatusGroup::from_id(g.id().unwrap()), Some(g));
        assert_eq!(g.to_string().parse::<StatusGroup>(), Ok(g));
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::from_value::<StatusGroup>(serde_json::to_value(g).unwrap()).unwrap(),
            g
        );
    }
    assert_eq!("Ok".parse::<ErrorGroup>(), Ok(ErrorGroup::Ok));
    assert_eq!(
        "system_error".parse::<ErrorGroup>(),
        Ok(ErrorGroup::SystemError)
    );
    assert_eq!(
        ErrorGroup::SystemError.channels(),
        [Channel::Email, Channel::Chat]
    );
    assert_eq!(
        ErrorGroup::HandsetErrors.channels(),
        [Channel::General, Channel::Voice]
    );
    assert_eq!(ErrorGroup::ALL.len(), 11);
    for &g in ErrorGroup::ALL {
        assert_eq!(g.to_string().parse::<ErrorGroup>(), Ok(g));
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::from_value::<ErrorGroup>(serde_json::to_value(g).unwrap()).unwrap(),
            g
        );
        for &ch in g.channels() {
            assert_eq!(ErrorGroup::from_channel_id(ch, g.id().unwrap()), Some(g));
        }
    }
    let slugs: Vec<String> = Channel::ALL.iter().map(|c| c.to_string()).collect();
    assert_eq!(slugs, ["general", "voice", "push", "email", "chat"]);
    for &c in Channel::ALL {
        assert_eq!(c.as_str().parse::<Channel>(), Ok(c));
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::from_value::<Channel>(serde_json::to_value(c).unwrap()).unwrap(),
            c
        );
    }
}

#[test]
fn const_lookups_work_in_const_context() {
    const DELIVERED: Option<StatusCode> = StatusCode::from_id(5);
    const ID: u16 = ErrorCode::EcAbsentSubscriber.id();
    const PUSH_1: Option<ErrorGroup> = ErrorGroup::from_channel_id(Channel::Push, 1);
    assert_eq!(DELIVERED, Some(StatusCode::DeliveredToHandset));
    assert_eq!(ID, 27);
    assert_eq!(PUSH_1, Some(ErrorGroup::RegistrationError));
}

#[test]
fn display_pads_like_str() {
    assert_eq!(
        format!("{:>22}|", StatusCode::PendingEnroute),
        "       PENDING_ENROUTE|"
    );
    assert_eq!(format!("{:<8}|", Channel::Push), "push    |");
}
