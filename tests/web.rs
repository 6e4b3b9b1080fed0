//! The JS edge in a real browser (wasm-bindgen-test, headless Chromium): answers are plain JS
//! objects with money as strings, errors are real `Error`s carrying `code` and `path`, and
//! `runJson` gives the CLI's bytes. Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use giftsim::wasm;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn object(json: &str) -> JsValue {
    JSON::parse(json).expect("test inputs are valid JSON")
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        let key = match key.parse::<u32>() {
            Ok(i) => JsValue::from(i),
            Err(_) => JsValue::from_str(key),
        };
        Reflect::get(&v, &key).unwrap_or(JsValue::UNDEFINED)
    })
}

/// The thrown value as `(is an Error, code, path, message)`.
fn thrown(err: JsValue) -> (bool, String, String, String) {
    let text = |key| get(&err, key).as_string().unwrap_or_default();
    (
        err.is_instance_of::<js_sys::Error>(),
        text("code"),
        text("path"),
        text("message"),
    )
}

#[wasm_bindgen_test]
fn quote_answers_with_plain_objects_and_money_as_strings() {
    let answer = wasm::quote(object(
        r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion", "count": 1}]}"#,
    ))
    .expect("the lion quote works");
    assert_eq!(
        get(&answer, "purchase.viewer_pays").as_string().as_deref(),
        Some("453.85")
    );
    assert_eq!(
        get(&answer, "coins_needed").as_f64(),
        Some(29999.0),
        "counts are numbers"
    );
    // Plain objects and arrays, never Maps.
    assert_eq!(
        Object::get_prototype_of(&answer),
        Object::get_prototype_of(&Object::new())
    );
    assert!(Array::is_array(&get(&answer, "flow")));
    assert!(
        get(&answer, "flow.0.amount").is_string(),
        "flow amounts are strings"
    );
    // `null` stays null (not undefined) in JS.
    let bits = wasm::quote(object(
        r#"{"rate_card": "youtube-super-chat", "spend": "750.00"}"#,
    ))
    .expect("super chat");
    assert!(get(&bits, "payout.daily_cap").is_null());
}

#[wasm_bindgen_test]
fn every_operation_of_the_contract_is_exported() {
    let presets = wasm::presets().expect("presets");
    assert!(Array::is_array(&get(&presets, "rate_cards")));
    assert_eq!(
        get(&presets, "rate_cards.0.id").as_string().as_deref(),
        Some("tiktok-web")
    );
    let compared = wasm::compare(object(r#"{"spend": "100.00"}"#)).expect("compare");
    assert_eq!(
        get(&compared, "rows.0.viewer_pays").as_string().as_deref(),
        Some("99.90")
    );
}

#[wasm_bindgen_test]
fn a_preset_card_is_accepted_back_as_a_rate_card() {
    let presets = wasm::presets().expect("presets");
    let card = get(&presets, "rate_cards.1");
    let input = Object::new();
    Reflect::set(&input, &"rate_card".into(), &card).expect("set");
    Reflect::set(&input, &"coins".into(), &5000.into()).expect("set");
    let answer = wasm::quote(input.into()).expect("the card from presets is a valid rate card");
    assert_eq!(
        get(&answer, "rate_card.id").as_string().as_deref(),
        Some("tiktok-ios")
    );
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_code_and_path() {
    let err = wasm::quote(object(
        r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "unicorn", "count": 1}]}"#,
    ))
    .expect_err("an unknown gift is an error");
    let (is_error, code, path, message) = thrown(err.clone());
    assert!(is_error, "thrown values are Error instances");
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("unknown_gift", "gifts[0].gift")
    );
    assert!(
        message.contains("unicorn"),
        "the message names the gift: {message}"
    );
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("GiftsimError")
    );

    let (_, code, path, _) = thrown(
        wasm::quote(object(r#"{"rate_card": "tiktok-web", "spend": 100}"#))
            .expect_err("money must be a string"),
    );
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "spend"));

    let (_, code, path, _) = thrown(wasm::quote(JsValue::UNDEFINED).expect_err("no input"));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", ""));

    let (_, code, _, _) = thrown(
        wasm::compare(JsValue::from(js_sys::BigInt::from(1u32))).expect_err("JSON has no BigInt"),
    );
    assert_eq!(code, "invalid_json");
}

#[wasm_bindgen_test]
fn run_json_gives_the_cli_bytes() {
    let text =
        wasm::run_json("quote", include_str!("../examples/quote-lion-ios.json")).expect("lion");
    assert_eq!(
        text.trim_end(),
        include_str!("golden/quote-lion-ios.json").trim_end()
    );
    let text = wasm::run_json("compare", include_str!("../examples/compare-100-usd.json"))
        .expect("compare");
    assert_eq!(
        text.trim_end(),
        include_str!("golden/compare-100-usd.json").trim_end()
    );

    let (is_error, code, _, message) =
        thrown(wasm::run_json("fly", "{}").expect_err("no such operation"));
    assert!(is_error);
    assert_eq!(code, "invalid_value");
    assert!(
        message.contains("quote"),
        "the message lists the operations: {message}"
    );
    let (_, code, _, _) = thrown(wasm::run_json("quote", "{").expect_err("truncated JSON"));
    assert_eq!(code, "invalid_json");
}

#[wasm_bindgen_test]
fn every_operation_gives_the_cli_bytes_for_its_examples() {
    // The same input gives byte-identical JSON natively (the golden files) and in WASM.
    let cases = [
        (
            "plan",
            include_str!("../examples/plan-under18-family.json"),
            include_str!("golden/plan-under18-family.json"),
        ),
        (
            "plan",
            include_str!("../examples/plan-cn-live-2022.json"),
            include_str!("golden/plan-cn-live-2022.json"),
        ),
        (
            "simulate",
            include_str!("../examples/simulate-tiktok-us-teens.json"),
            include_str!("golden/simulate-tiktok-us-teens.json"),
        ),
        (
            "sweep",
            include_str!("../examples/sweep-prices-elasticity.json"),
            include_str!("golden/sweep-prices-elasticity.json"),
        ),
    ];
    for (op, input, golden) in cases {
        let text = wasm::run_json(op, input).unwrap_or_else(|e| panic!("{op}: {:?}", thrown(e)));
        assert!(
            text.trim_end() == golden.trim_end(),
            "{op}: the WASM answer differs from the native golden file"
        );
    }
    let planned =
        wasm::plan(JSON::parse(include_str!("../examples/plan-none.json")).expect("json"))
            .expect("plan");
    assert!(Object::get_prototype_of(&planned) == Object::get_prototype_of(&Object::new()));
}
