//! Answers, line by line, what serde_json 1.0.145 and Rust's `str` methods do with inputs.
//!
//! `serde-oracle json`: each stdin line is a JSON array of byte values (any bytes, not only UTF-8);
//! prints `{"ok":"<the value as serde_json writes it back>"}` or `{"err":"<the error's Display>"}`,
//! exactly as upstream's hosts parse a body (`serde_json::from_slice::<Value>`) and write a result.
//!
//! `serde-oracle text`: each stdin line is a JSON string; prints `{"lower":…,"trim":…}`, what
//! `str::to_lowercase` and `str::trim` return.
//!
//! `serde-oracle unicode`: no input; for every Unicode scalar value whose answers are not the
//! defaults, prints `{"class":…,"cp":N,"lower":…,"ws":…}`: its lowercase on its own, whether `trim`
//! removes it, and how it takes part in the final-sigma rule of `to_lowercase`, probed through that
//! method alone ("cased": a letter with case, "ignorable": skipped, "none": neither).
//!
//! `serde-oracle version`: the Unicode version of the Rust standard library it was built with.
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match mode.as_str() {
        "json" => each_line(&mut out, |line| {
            let bytes: Vec<u8> = serde_json::from_str(line).expect("a line must be a JSON array of bytes");
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(value) => json!({"ok": serde_json::to_string(&value).expect("a Value always writes")}),
                Err(error) => json!({"err": error.to_string()}),
            }
        }),
        "text" => each_line(&mut out, |line| {
            let text: String = serde_json::from_str(line).expect("a line must be a JSON string");
            json!({"lower": text.to_lowercase(), "trim": text.trim()})
        }),
        "unicode" => unicode(&mut out),
        "version" => {
            let (major, minor, update) = char::UNICODE_VERSION;
            writeln!(out, "{}", json!({"unicode": format!("{major}.{minor}.{update}")})).expect("stdout");
        }
        _ => {
            eprintln!("usage: serde-oracle json|text|unicode|version");
            std::process::exit(2);
        }
    }
    out.flush().expect("stdout");
}

fn each_line(out: &mut impl Write, answer: impl Fn(&str) -> Value) {
    for line in io::stdin().lock().lines() {
        let line = line.expect("stdin");
        writeln!(out, "{}", answer(&line)).expect("stdout");
    }
}

fn unicode(out: &mut impl Write) {
    for cp in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(cp) else { continue };
        let alone = c.to_string();
        let lower = alone.to_lowercase();
        let ws = alone.trim().is_empty();
        // Σ after a cased letter is final unless a cased letter follows, case-ignorables skipped:
        // "AΣc" tells whether c counts as cased after the sigma, "AcΣ" whether the A still counts
        // before it (c skipped or itself cased).
        let final_before_c = format!("AΣ{c}").to_lowercase().chars().nth(1) == Some('ς');
        let final_after_c = format!("A{c}Σ").to_lowercase().ends_with('ς');
        let class = match (final_before_c, final_after_c) {
            (false, true) => "cased",
            (true, true) => "ignorable",
            (true, false) => "none",
            (false, false) => "unexpected",
        };
        if lower != alone || ws || class != "none" {
            writeln!(out, "{}", json!({"class": class, "cp": cp, "lower": lower, "ws": ws})).expect("stdout");
        }
    }
}
