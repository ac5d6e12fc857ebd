//! JSON profile records, native or JSON Resume, told apart by content in one pass.
//!
//! Most records are native ones whose fields have the types the schema says: [`read_native`]
//! reads those straight into a [`Native`] profile with plain typed fields, and fails on
//! anything else (another key, another type, a duplicate key), in which case the caller reads
//! the record again with [`read`]: the results are the same either way, and errors always come
//! from [`read`].
//!
//! [`read`] reads a record into one borrowing shape that holds the fields of both schemas; fields are
//! *lenient* (a number where a string was expected, a string where a list was, `null`: the
//! field is treated as absent), because published resumes are written by hand. Keys only JSON
//! Resume has (`basics`, `work`, `certificates`, `keywords` on a skill, `studyType` on a
//! degree...) make it a JSON Resume; otherwise it is a native profile and unknown keys are
//! errors, as in TOML. Nothing here allocates for a string that has no escapes.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::native::{Native, NativeSkill};

/// A string that tolerates other JSON values: numbers become their text, anything else absent.
#[derive(Debug, Default, Clone)]
pub struct Text<'a>(pub Option<Cow<'a, str>>);

impl<'a> Text<'a> {
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref().map(trim).filter(|s| !s.is_empty())
    }
}

/// `str::trim`, without its character-by-character scan when both ends are printable ASCII
/// (as nearly every field is).
fn trim(s: &str) -> &str {
    let printable = |b: &u8| (b'!'..0x80).contains(b);
    let b = s.as_bytes();
    if b.first().is_some_and(printable) && b.last().is_some_and(printable) {
        s
    } else {
        s.trim()
    }
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v))))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                Text::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq).map(|_| Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                drain_map(map).map(|_| Text(None))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A number that tolerates other values: a numeric string is read, anything else is absent.
#[derive(Debug, Default, Clone, Copy)]
pub struct Num(pub Option<f32>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let t = Text::deserialize(d)?;
        Ok(Num(t.get().and_then(|s| s.parse::<f32>().ok())))
    }
}

/// A list that tolerates other values (absent) and elements of the wrong shape (skipped by
/// the element type).
#[derive(Debug, Clone)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(x) = seq.next_element()? {
                    out.push(x);
                }
                Ok(List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                drain_map(map).map(|_| List::default())
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(List::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(List::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(List::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(List::default())
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(List::default())
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(List::default())
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// An object that may also be written as a bare string (`"Rust"` for `{"name": "Rust"}`);
/// anything else is absent.
#[derive(Debug, Clone)]
pub struct Obj<T>(pub Option<T>);

/// How an object type reads a bare string.
pub trait FromText<'a>: Sized {
    fn from_text(text: Cow<'a, str>) -> Option<Self>;
}

impl<'de: 'a, 'a, T: Deserialize<'de> + FromText<'a>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        type Marker<'a, T> = PhantomData<(fn() -> T, &'a ())>;
        struct V<'a, T>(Marker<'a, T>);
        impl<'de: 'a, 'a, T: Deserialize<'de> + FromText<'a>> Visitor<'de> for V<'a, T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Obj(Some(t)))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Obj(T::from_text(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Obj(T::from_text(Cow::Owned(v.to_string()))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq).map(|_| Obj(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Obj(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Obj(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Obj(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Obj(None))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Obj(None))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl<T> Obj<T> {
    pub fn iter(list: &List<Obj<T>>) -> impl Iterator<Item = &T> {
        list.0.iter().filter_map(|o| o.0.as_ref())
    }
}

/// A skill: native `{name, level, years}` or JSON Resume `{name, level, keywords}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SkillEntry<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub level: Text<'a>,
    pub years: Num,
    #[serde(borrow)]
    pub keywords: Option<List<Text<'a>>>,
}

impl<'a> FromText<'a> for SkillEntry<'a> {
    fn from_text(text: Cow<'a, str>) -> Option<Self> {
        Some(SkillEntry {
            name: Text(Some(text)),
            ..SkillEntry::default()
        })
    }
}

/// A degree: native `{level, field}` or JSON Resume `{studyType, area, institution}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EduEntry<'a> {
    #[serde(borrow)]
    pub level: Text<'a>,
    #[serde(borrow)]
    pub field: Text<'a>,
    #[serde(borrow, rename = "studyType")]
    pub study_type: Option<Text<'a>>,
    #[serde(borrow)]
    pub area: Option<Text<'a>>,
    pub institution: Option<IgnoredAny>,
}

impl<'a> FromText<'a> for EduEntry<'a> {
    fn from_text(_: Cow<'a, str>) -> Option<Self> {
        None
    }
}

/// A spoken language: a bare string (native) or `{language, fluency}` (JSON Resume).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LangEntry<'a> {
    #[serde(borrow)]
    pub language: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    pub fluency: Option<IgnoredAny>,
}

impl<'a> FromText<'a> for LangEntry<'a> {
    fn from_text(text: Cow<'a, str>) -> Option<Self> {
        Some(LangEntry {
            name: Text(Some(text)),
            ..LangEntry::default()
        })
    }
}

impl LangEntry<'_> {
    pub fn get(&self) -> Option<&str> {
        self.language.get().or(self.name.get())
    }
}

/// `basics` of a JSON Resume.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Basics<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub label: Text<'a>,
    #[serde(borrow)]
    pub summary: Text<'a>,
}

impl<'a> FromText<'a> for Basics<'a> {
    fn from_text(_: Cow<'a, str>) -> Option<Self> {
        None
    }
}

/// An entry of `work`, `volunteer` or `projects`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WorkEntry<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub company: Text<'a>,
    #[serde(borrow)]
    pub organization: Text<'a>,
    #[serde(borrow)]
    pub position: Text<'a>,
    #[serde(borrow)]
    pub summary: Text<'a>,
    #[serde(borrow)]
    pub description: Text<'a>,
    #[serde(borrow)]
    pub highlights: List<Text<'a>>,
    #[serde(borrow)]
    pub keywords: List<Text<'a>>,
    #[serde(borrow)]
    pub skills: List<Obj<SkillEntry<'a>>>,
    #[serde(borrow, rename = "startDate")]
    pub start_date: Text<'a>,
    #[serde(borrow, rename = "endDate")]
    pub end_date: Text<'a>,
}

impl<'a> FromText<'a> for WorkEntry<'a> {
    fn from_text(_: Cow<'a, str>) -> Option<Self> {
        None
    }
}

/// `certificates[]` of a JSON Resume, or a native certification string.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CertEntry<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
}

impl<'a> FromText<'a> for CertEntry<'a> {
    fn from_text(text: Cow<'a, str>) -> Option<Self> {
        Some(CertEntry {
            name: Text(Some(text)),
        })
    }
}

/// One JSON profile as written, either schema.
#[derive(Debug, Default)]
pub struct JsonRecord<'a> {
    pub id: Text<'a>,
    pub name: Text<'a>,
    pub years_experience: Option<f32>,
    pub summary: Text<'a>,
    pub skills: List<Obj<SkillEntry<'a>>>,
    pub education: List<Obj<EduEntry<'a>>>,
    pub certifications: List<Obj<CertEntry<'a>>>,
    pub languages: List<Obj<LangEntry<'a>>>,
    pub basics: Option<Obj<Basics<'a>>>,
    pub work: Option<List<Obj<WorkEntry<'a>>>>,
    pub volunteer: List<Obj<WorkEntry<'a>>>,
    pub projects: List<Obj<WorkEntry<'a>>>,
    pub certificates: Option<List<Obj<CertEntry<'a>>>>,
    /// A top-level key only JSON Resume has.
    pub resume_key: bool,
    /// The first key neither schema knows.
    pub unknown: Option<String>,
}

/// Top-level keys of JSON Resume v1 that native profiles do not have.
const RESUME_ONLY: &[&str] = &[
    "$schema",
    "meta",
    "awards",
    "publications",
    "interests",
    "references",
];

pub const NATIVE_FIELDS: &str =
    "id, name, skills, years_experience, education, certifications, languages, summary";

impl<'de: 'a, 'a> Deserialize<'de> for JsonRecord<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = JsonRecord<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a profile object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut r = JsonRecord::default();
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    let key = key.0.unwrap_or_default();
                    match key.as_ref() {
                        "id" => r.id = map.next_value()?,
                        "name" => r.name = map.next_value()?,
                        "years_experience" => r.years_experience = map.next_value()?,
                        "summary" => r.summary = map.next_value()?,
                        "skills" => r.skills = map.next_value()?,
                        "education" => r.education = map.next_value()?,
                        "certifications" => r.certifications = map.next_value()?,
                        "languages" => r.languages = map.next_value()?,
                        "basics" => r.basics = Some(map.next_value()?),
                        "work" => r.work = Some(map.next_value()?),
                        "volunteer" => r.volunteer = map.next_value()?,
                        "projects" => r.projects = map.next_value()?,
                        "certificates" => r.certificates = Some(map.next_value()?),
                        other => {
                            if RESUME_ONLY.contains(&other) {
                                r.resume_key = true;
                            } else if r.unknown.is_none() {
                                r.unknown = Some(other.to_string());
                            }
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(r)
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

impl JsonRecord<'_> {
    /// Whether the content is a JSON Resume rather than a native profile.
    pub fn is_json_resume(&self) -> bool {
        self.resume_key
            || self.basics.is_some()
            || self.work.is_some()
            || self.certificates.is_some()
            || !self.volunteer.0.is_empty()
            || !self.projects.0.is_empty()
            || Obj::iter(&self.skills).any(|s| s.keywords.is_some())
            || Obj::iter(&self.education)
                .any(|e| e.study_type.is_some() || e.area.is_some() || e.institution.is_some())
            || Obj::iter(&self.languages).any(|l| l.fluency.is_some() || l.language.get().is_some())
    }
}

/// Parses one JSON record; errors are serde_json's, with its line.
pub fn read(text: &str) -> Result<JsonRecord<'_>, serde_json::Error> {
    serde_json::from_str(text)
}

/// A string read strictly: a JSON string, trimmed and absent when blank (as [`Text::get`]
/// reads it), or `null`; any other value is an error. Borrowed unless the text has escapes.
#[derive(Debug, Default)]
struct Plain<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Plain<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Plain<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or null")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                let v = trim(v);
                Ok(Plain((!v.is_empty()).then_some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                let v = trim(v);
                Ok(Plain((!v.is_empty()).then(|| Cow::Owned(v.to_string()))))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Plain(None))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Plain(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_str(self)
            }
        }
        d.deserialize_option(V(PhantomData))
    }
}

/// A number read strictly: a JSON number, converted to `f32` exactly as [`Num`] converts it
/// (by way of its decimal text), or `null`; any other value is an error.
#[derive(Debug, Default, Clone, Copy)]
struct Number(Option<f32>);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or null")
            }
            // An integer's text parsed as `f32` and the integer cast to `f32` both round to
            // the nearest, ties to even.
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Number(Some(v as f32)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Number(Some(v as f32)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                // A value an `f32` holds exactly is what its text parses to; any other is
                // rounded from its text, as `Num` does, not from the `f64`.
                let exact = v as f32;
                Ok(Number(Some(if exact as f64 == v {
                    exact
                } else {
                    v.to_string().parse().unwrap_or(exact)
                })))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Number(None))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Number(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_f64(self)
            }
        }
        d.deserialize_option(V)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PlainSkill<'a> {
    #[serde(borrow)]
    name: Plain<'a>,
    #[serde(borrow)]
    level: Plain<'a>,
    years: Number,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PlainDegree<'a> {
    #[serde(borrow)]
    level: Plain<'a>,
    #[serde(borrow)]
    field: Plain<'a>,
}

/// A native record exactly as `docs/profiles.md` writes it: skills and degrees as objects,
/// certifications and languages as strings, no other key and no key twice.
#[derive(Debug, Default)]
struct PlainNative<'a> {
    id: Plain<'a>,
    name: Plain<'a>,
    years_experience: Number,
    summary: Plain<'a>,
    skills: Option<Vec<PlainSkill<'a>>>,
    education: Option<Vec<PlainDegree<'a>>>,
    certifications: Option<Vec<Plain<'a>>>,
    languages: Option<Vec<Plain<'a>>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for PlainNative<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = PlainNative<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a native profile")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                // The error is never shown (the record is read again leniently), so it is
                // one fixed message, cheap for the JSON Resumes that end up here.
                let not_plain = || de::Error::custom("not a plain native record");
                let mut r = PlainNative::default();
                let mut seen = 0u8;
                while let Some(key) = map.next_key::<Key>()? {
                    let bit = match &*key.0 {
                        "id" => 0,
                        "name" => 1,
                        "years_experience" => 2,
                        "summary" => 3,
                        "skills" => 4,
                        "education" => 5,
                        "certifications" => 6,
                        "languages" => 7,
                        _ => return Err(not_plain()),
                    };
                    if seen & (1 << bit) != 0 {
                        return Err(not_plain());
                    }
                    seen |= 1 << bit;
                    match bit {
                        0 => r.id = map.next_value()?,
                        1 => r.name = map.next_value()?,
                        2 => r.years_experience = map.next_value()?,
                        3 => r.summary = map.next_value()?,
                        4 => r.skills = map.next_value()?,
                        5 => r.education = map.next_value()?,
                        6 => r.certifications = map.next_value()?,
                        _ => r.languages = map.next_value()?,
                    }
                }
                Ok(r)
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// An object key as written (not trimmed).
struct Key<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Key<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V(PhantomData))
    }
}

/// Reads a native record whose every field has the type the schema gives it; an error for
/// anything else (see the module documentation).
pub fn read_native(text: &str) -> Result<Native<'_>, serde_json::Error> {
    let r: PlainNative = serde_json::from_str(text)?;
    // A skill without a name is left out, as the lenient reading leaves it out.
    Ok(Native {
        id: r.id.0,
        name: r.name.0,
        skills: (r.skills.unwrap_or_default().into_iter())
            .filter_map(|s| {
                Some(NativeSkill {
                    name: s.name.0?,
                    level: s.level.0,
                    years: s.years.0,
                })
            })
            .collect(),
        years_experience: r.years_experience.0,
        education: (r.education.unwrap_or_default().into_iter())
            .map(|d| (d.level.0, d.field.0))
            .collect(),
        certifications: (r.certifications.unwrap_or_default().into_iter())
            .filter_map(|c| c.0)
            .collect(),
        languages: (r.languages.unwrap_or_default().into_iter())
            .filter_map(|l| l.0)
            .collect(),
        summary: r.summary.0,
    })
}
