//! "A preset id or an inline object" as one type: wherever a request names a rate card, a rule
//! set or a gift catalogue, a string is a shipped preset's id and an object (or, for a gift
//! catalogue, a list) is written out in full. Only [`crate::presets`] turns one into the
//! validated thing; this module knows nothing of the presets themselves.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// What a [`PresetOr`] stands for, in the words of its error messages and schema.
pub trait PresetKind {
    /// "a rate card", "a rule set", "a gift catalogue".
    const KIND: &'static str;
    /// An id to show as an example ("tiktok-web").
    const EXAMPLE: &'static str;
    /// How the written-out form looks ("a rate card object", "a list of gifts").
    const GIVEN: &'static str;
    /// True when the written-out form is a JSON list (a gift catalogue), false for an object.
    /// serde would read a struct from a list of its fields in order; the contract speaks of
    /// objects only.
    const IS_LIST: bool = false;
}

/// A shipped preset's id, or the thing itself written out.
#[derive(Debug, Clone, PartialEq)]
pub enum PresetOr<T> {
    /// The id of a shipped preset (`"tiktok-web"`).
    Preset(String),
    /// The thing written out in full (an edited preset, or one of the caller's own).
    Given(T),
}

impl<T> From<&str> for PresetOr<T> {
    fn from(id: &str) -> Self {
        PresetOr::Preset(id.to_string())
    }
}

impl<T: Serialize> Serialize for PresetOr<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PresetOr::Preset(id) => s.serialize_str(id),
            PresetOr::Given(value) => value.serialize(s),
        }
    }
}

impl<'de, T: Deserialize<'de> + PresetKind> Deserialize<'de> for PresetOr<T> {
    /// Streams straight into `T` (no intermediate JSON value), so serde's positions, and with
    /// them the JSON paths of errors inside an inline object, stay exact.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + PresetKind> Visitor<'de> for Either<T> {
            type Value = PresetOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "{} given as a preset id such as \"{}\" or as {}",
                    T::KIND,
                    T::EXAMPLE,
                    T::GIVEN
                )
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Self::Value, E> {
                Ok(PresetOr::Preset(id.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                if T::IS_LIST {
                    return Err(serde::de::Error::invalid_type(Unexpected::Map, &self));
                }
                T::deserialize(MapAccessDeserializer::new(map)).map(PresetOr::Given)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                if !T::IS_LIST {
                    return Err(serde::de::Error::invalid_type(Unexpected::Seq, &self));
                }
                T::deserialize(SeqAccessDeserializer::new(seq)).map(PresetOr::Given)
            }
        }
        d.deserialize_any(Either(PhantomData))
    }
}

impl<T: JsonSchema + PresetKind> JsonSchema for PresetOr<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("PresetOr_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let given = generator.subschema_for::<T>();
        json_schema!({
            "description": format!(
                "{} given as a preset id such as \"{}\" (see `presets`) or as {}",
                capitalize(T::KIND),
                T::EXAMPLE,
                T::GIVEN
            ),
            "oneOf": [
                {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                given
            ]
        })
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct Thing {
        size: u32,
    }

    impl PresetKind for Thing {
        const KIND: &'static str = "a thing";
        const EXAMPLE: &'static str = "big-thing";
        const GIVEN: &'static str = "a thing object";
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        thing: PresetOr<Thing>,
    }

    #[test]
    fn a_string_is_an_id_and_an_object_is_the_thing() {
        let doc: Doc = crate::error::from_json_str(r#"{"thing": "big-thing"}"#).unwrap();
        assert_eq!(doc.thing, PresetOr::Preset("big-thing".into()));
        let doc: Doc = crate::error::from_json_str(r#"{"thing": {"size": 3}}"#).unwrap();
        assert_eq!(doc.thing, PresetOr::Given(Thing { size: 3 }));
        assert_eq!(
            serde_json::to_string(&PresetOr::Given(Thing { size: 3 })).unwrap(),
            r#"{"size":3}"#
        );
    }

    #[test]
    fn errors_inside_the_object_keep_their_paths() {
        let err = crate::error::from_json_str::<Doc>(r#"{"thing": {"size": "x"}}"#).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (crate::ErrorCode::InvalidType, "thing.size")
        );
        let err = crate::error::from_json_str::<Doc>(r#"{"thing": {"sise": 1}}"#).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (crate::ErrorCode::UnknownField, "thing.sise")
        );
        for wrong in [r#"{"thing": 7}"#, r#"{"thing": [3]}"#] {
            let err = crate::error::from_json_str::<Doc>(wrong).unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (crate::ErrorCode::InvalidType, "thing"),
                "{wrong}"
            );
            assert!(err.message.contains("big-thing"), "{}", err.message);
        }
    }
}
