//! jobmatch: parse job postings into requirement sets and score candidate profiles against them.
//!
//! Data flows one way: [`posting`] turns markdown into a [`requirement::RequirementSet`] using the
//! [`skill`] taxonomy; [`profile`] turns candidate files into [`profile::Profile`]s; [`matcher`]
//! compiles a requirement set once and scores profiles with no I/O; [`render`] writes results;
//! [`cli`] owns argv, files, terminals and exit codes, and nothing else depends on it.

pub mod cli;
pub mod error;
pub mod matcher;
pub mod posting;
pub mod profile;
pub mod render;
pub mod requirement;
pub mod skill;
