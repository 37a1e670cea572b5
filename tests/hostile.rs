//! A page full of hostile but valid content still generates a crate that compiles,
//! documents without warnings, and shows none of the page's raw HTML in rustdoc.

mod support;

const PROBE: &str = r##"use infobip_codes::{Channel, ErrorCode, StatusCode};
fn main() {
    for name in ["SELF", "3G_FAILURE", "ÉCHEC_ENVOI", "ec_twin", "EC_TWIN", "fn", "r#raw", "match", "日本", "SPACED", "*/ EVIL \"# `", "CODE"] {
        let code = StatusCode::from_name(name).expect(name);
        println!("{name} -> {} {} {code:?}", code.id(), code.channel());
    }
    println!("{:?}", StatusCode::from_name_all("SELF").iter().map(|c| c.channel().as_str()).collect::<Vec<_>>());
    println!("{:?}", StatusCode::from_name_ignore_case("EC_TWIN"));
    println!("{:?}", ErrorCode::ALL);
    println!("{:?}", Channel::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>());
    println!("{}", StatusCode::from_channel_id(Channel::General, 1).unwrap().description());
}
"##;

#[test]
fn hostile_names_and_descriptions_compile_and_render_safely() {
    let copy = support::Copy::new("hostile", PROBE);
    let page = std::fs::read(copy.dir.join("tests/fixtures/hostile/hostile-codes.md")).unwrap();
    copy.docs_source(&[("hostile-codes.md", &page)]);
    copy.write_generated();

    let (ok, stdout, stderr) = copy.probe(&[]);
    assert!(ok, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        &lines[..12],
        [
            "SELF -> 1 general SelfCode1General",
            "3G_FAILURE -> 2 general Code3gFailure",
            "ÉCHEC_ENVOI -> 3 general EchecEnvoi",
            "ec_twin -> 4 general EcTwin4",
            "EC_TWIN -> 5 general EcTwin5",
            "fn -> 6 general Fn",
            "r#raw -> 7 general RRaw",
            "match -> 8 general Match",
            "日本 -> 9 general Code9",
            "SPACED -> 10 general Spaced",
            "*/ EVIL \"# ` -> 11 general Evil",
            "CODE -> 12 general Code12",
        ]
    );
    assert_eq!(lines[12], r#"["general", "日本"]"#);
    assert_eq!(lines[13], "Some(EcTwin4)");
    assert_eq!(lines[14], "[SelfCode, Type]");
    assert_eq!(lines[15], r#"["general", "chat", "日本"]"#);
    assert_eq!(
        lines[16],
        r##"Keyword-like name. <script>alert("pwned")</script> ends */ here "# and ticks {braces} }"##
    );

    let doc = copy.cargo(
        &["doc", "--no-deps", "--package", "infobip-codes"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    );
    assert!(
        doc.status.success(),
        "{}",
        String::from_utf8_lossy(&doc.stderr)
    );
    let html = std::fs::read_to_string(
        copy.dir
            .join("target/doc/infobip_codes/enum.StatusCode.html"),
    )
    .unwrap();
    // Shown as text (rustdoc curls the quotes), never as markup.
    assert!(html
        .contains("Keyword-like name. &lt;script&gt;alert(“pwned”)&lt;/script&gt; ends */ here"));
    for raw in ["<script>alert", "<img src=x", "<div>block", "<iframe"] {
        assert!(!html.contains(raw), "rustdoc shows raw `{raw}`");
    }
    // The list and break markup became markdown: bold stays bold, the break a paragraph.
    assert!(html.contains("<strong>bold</strong>"));
    let groups = std::fs::read_to_string(
        copy.dir
            .join("target/doc/infobip_codes/enum.StatusGroup.html"),
    )
    .unwrap();
    assert!(!groups.contains("<script>alert(\"group\")"));
    assert!(groups.contains("EvilGroup"));
}
