//! The streaming core of `jobmatch match`: one reader thread cuts the inputs into batches of
//! records, a pool of workers parses and scores batches with the shared, compiled matchers,
//! and the calling thread gets the results back in input order.
//!
//! Memory is bounded: a batch holds at most [`BATCH_RECORDS`] records or about
//! [`BATCH_BYTES`] of text (plus one over-size line, itself capped), and at most
//! `4 × threads` batches exist at once — the reader waits for a free slot, and a slot is
//! freed only when its batch's results have been handed on, so a slow batch cannot make the
//! reorder buffer grow. The output is the same for any number of threads.

use std::collections::BTreeMap;
use std::io::BufReader;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::matcher::{Matcher, Score};
use crate::profile::stream::LineReader;
use crate::profile::{Format, Loader, Origin, SkillCache};
use crate::render::{MatchRow, display_score};

pub const BATCH_RECORDS: usize = 512;
pub const BATCH_BYTES: usize = 256 * 1024;

/// One candidate input.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name errors use: the path, or `<stdin>`.
    pub name: String,
    /// The id for profiles without one (file stem, plus `:LINE` in streams).
    pub stem: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    pub format: Format,
}

pub struct Settings {
    pub threads: usize,
    pub max_record: usize,
    pub explain: bool,
    pub min_score: Option<f32>,
    /// Workers serialise rows to JSON Lines themselves (every row is written, in order, with
    /// nothing kept): the output thread then only copies bytes, so it does not limit the
    /// run.
    pub render_jsonl: bool,
    /// Only the best N rows are wanted (`--top N`): a worker drops a row that N rows it
    /// already handed on beat on score and qualification, since such a row cannot make the
    /// final N whatever the tie-breaks.
    pub top: Option<usize>,
}

/// What `--top` ranks on before its tie-breaks: the displayed score, then qualified first.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key(f32, bool);

impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

/// The N best keys a worker has handed on (a min-heap: its top is the weakest of them).
struct Best {
    n: usize,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<Key>>,
}

impl Best {
    /// Whether a row with `key` may still belong in the final N; if so it is counted.
    fn admit(&mut self, key: Key) -> bool {
        if self.heap.len() == self.n {
            match self.heap.peek() {
                Some(std::cmp::Reverse(weakest)) if key < *weakest => return false,
                _ => {}
            }
            self.heap.pop();
        }
        self.heap.push(std::cmp::Reverse(key));
        true
    }
}

/// What becomes of one record (or of one record × posting).
pub enum Item {
    /// A result that passed `--min-score`.
    Row(MatchRow),
    /// A record reported and skipped: the full message.
    Skipped(String),
    /// Consecutive rows already written as JSON Lines ([`Settings::render_jsonl`]).
    Rendered { rows: usize, bytes: Vec<u8> },
}

struct Unit {
    source: usize,
    line: Option<u32>,
    range: Range<usize>,
    problem: Option<String>,
}

struct Batch {
    seq: u64,
    text: String,
    units: Vec<Unit>,
}

struct Done {
    seq: u64,
    records: usize,
    items: Vec<Item>,
    /// The batch's buffers, returned to the reader for the next batch.
    spent: Batch,
}

/// Records read and results handed on.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub records: usize,
    pub skipped: usize,
}

/// Runs the pipeline, handing every item to `each` in input order (record by record, each
/// record's postings in the order given). An error from `each` stops everything.
pub fn run(
    sources: &[Source],
    loader: &Loader,
    matchers: &[Matcher],
    settings: &Settings,
    mut each: impl FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<Stats> {
    let threads = settings.threads.max(1);
    let slots = threads * 4;
    let (work_tx, work_rx) = sync_channel::<Batch>(slots);
    let (done_tx, done_rx) = sync_channel::<Done>(slots);
    // A slot is a batch's buffers: the reader fills one, a worker scores it, and it comes
    // back here once its results are handed on, so the buffers are allocated once.
    let (slot_tx, slot_rx) = sync_channel::<Batch>(slots);
    for _ in 0..slots {
        let empty = Batch {
            seq: 0,
            text: String::new(),
            units: Vec::new(),
        };
        slot_tx.send(empty).expect("the slot channel has room");
    }
    let work_rx = Mutex::new(work_rx);
    let mut stats = Stats::default();
    std::thread::scope(|scope| {
        scope.spawn(|| read_all(sources, settings.max_record, work_tx, slot_rx));
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || work(work_rx, done_tx, sources, loader, matchers, settings));
        }
        drop(done_tx);
        let result = (|| {
            let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
            let mut next = 0u64;
            for done in &done_rx {
                pending.insert(done.seq, done);
                while let Some(done) = pending.remove(&next) {
                    next += 1;
                    stats.records += done.records;
                    for item in done.items {
                        if let Item::Skipped(_) = item {
                            stats.skipped += 1;
                        }
                        each(item)?;
                    }
                    // The reader may be gone already; that is fine.
                    let _ = slot_tx.send(done.spent);
                }
            }
            anyhow::Ok(())
        })();
        // Dropping the receiving ends stops the workers and then the reader.
        drop(done_rx);
        drop(slot_tx);
        result
    })?;
    Ok(stats)
}

fn read_all(
    sources: &[Source],
    max_record: usize,
    work: SyncSender<Batch>,
    slots: Receiver<Batch>,
) {
    let mut seq = 0u64;
    let mut batch = Batch {
        seq,
        text: String::new(),
        units: Vec::new(),
    };
    // Sends the batch when full (or when `force`), waiting for a free slot; false when the
    // consumer has gone.
    let mut flush = |batch: &mut Batch, force: bool| -> bool {
        if batch.units.is_empty()
            || (!force && batch.units.len() < BATCH_RECORDS && batch.text.len() < BATCH_BYTES)
        {
            return true;
        }
        let Ok(mut fresh) = slots.recv() else {
            return false;
        };
        seq += 1;
        fresh.seq = seq;
        fresh.text.clear();
        fresh.units.clear();
        fresh.text.reserve(BATCH_BYTES + 4096);
        fresh.units.reserve(BATCH_RECORDS);
        let full = std::mem::replace(batch, fresh);
        work.send(full).is_ok()
    };
    for (i, source) in sources.iter().enumerate() {
        let problem = |batch: &mut Batch, line: Option<u32>, msg: String| {
            let name = match line {
                Some(l) => format!("{}:{l}", source.name),
                None => source.name.clone(),
            };
            batch.units.push(Unit {
                source: i,
                line,
                range: 0..0,
                problem: Some(format!("{name}: {msg}")),
            });
        };
        if source.format != Format::JsonLines {
            let path = source.path.as_ref().expect("only streams come from stdin");
            match super::input::read_text(path) {
                Ok(text) => {
                    let start = batch.text.len();
                    batch.text.push_str(&text);
                    batch.units.push(Unit {
                        source: i,
                        line: None,
                        range: start..batch.text.len(),
                        problem: None,
                    });
                }
                Err(e) => batch.units.push(Unit {
                    source: i,
                    line: None,
                    range: 0..0,
                    problem: Some(format!("{e:#}")),
                }),
            }
            if !flush(&mut batch, false) {
                return;
            }
            continue;
        }
        let reader: Box<dyn std::io::BufRead> = match &source.path {
            None => Box::new(std::io::stdin().lock()),
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(BufReader::with_capacity(64 * 1024, f)),
                Err(e) => {
                    problem(&mut batch, None, super::input::io_reason(&e));
                    continue;
                }
            },
        };
        let mut lines = LineReader::new(reader, max_record);
        loop {
            match lines.next_into(&mut batch.text) {
                Ok(None) => break,
                Ok(Some(line)) => match line.text {
                    Ok(range) => batch.units.push(Unit {
                        source: i,
                        line: Some(line.number),
                        range,
                        problem: None,
                    }),
                    Err(msg) => problem(&mut batch, Some(line.number), msg),
                },
                Err(e) => {
                    problem(&mut batch, None, format!("cannot read: {e}"));
                    break;
                }
            }
            if !flush(&mut batch, false) {
                return;
            }
        }
    }
    flush(&mut batch, true);
}

/// Rows a worker has serialised and not yet handed on.
#[derive(Default)]
struct Rendered {
    rows: usize,
    bytes: Vec<u8>,
}

impl Rendered {
    fn push(&mut self, row: &MatchRow) {
        serde_json::to_writer(&mut self.bytes, row).expect("a row serialises");
        self.bytes.push(b'\n');
        self.rows += 1;
    }

    fn hand_on(&mut self, items: &mut Vec<Item>) {
        if self.rows > 0 {
            let taken = std::mem::take(self);
            items.push(Item::Rendered {
                rows: taken.rows,
                bytes: taken.bytes,
            });
        }
    }
}

fn work(
    work: &Mutex<Receiver<Batch>>,
    done: SyncSender<Done>,
    sources: &[Source],
    loader: &Loader,
    matchers: &[Matcher],
    settings: &Settings,
) {
    let mut cache = SkillCache::default();
    // One per posting, reused for every profile.
    let mut scores: Vec<Score> = matchers.iter().map(|_| Score::default()).collect();
    // One per posting: each posting's rows compete among themselves.
    let mut best: Vec<Option<Best>> = matchers
        .iter()
        .map(|_| {
            // `--top 0` keeps nothing anyway; its rows still count for the exit code.
            settings.top.filter(|&n| n > 0).map(|n| Best {
                n,
                heap: std::collections::BinaryHeap::with_capacity(n.min(1 << 16) + 1),
            })
        })
        .collect();
    loop {
        let batch = match work.lock() {
            Ok(rx) => match rx.recv() {
                Ok(b) => b,
                Err(_) => return,
            },
            Err(_) => return,
        };
        let mut items = Vec::with_capacity(batch.units.len() * matchers.len());
        let mut rendered = Rendered::default();
        for unit in &batch.units {
            if let Some(p) = &unit.problem {
                rendered.hand_on(&mut items);
                items.push(Item::Skipped(p.clone()));
                continue;
            }
            let source = &sources[unit.source];
            let origin = Origin {
                name: &source.name,
                line: unit.line,
                stem: &source.stem,
            };
            let text = &batch.text[unit.range.clone()];
            match loader.parse(text, source.format, &origin, &mut cache) {
                Err(e) => {
                    rendered.hand_on(&mut items);
                    items.push(Item::Skipped(e.to_string()));
                }
                Ok(profile) => {
                    for ((matcher, best), score) in matchers.iter().zip(&mut best).zip(&mut scores)
                    {
                        matcher.score_into(&profile, score);
                        let shown = display_score(score.score);
                        if settings.min_score.is_some_and(|min| shown < min) {
                            continue;
                        }
                        if let Some(best) = best
                            && !best.admit(Key(shown, score.qualified))
                        {
                            continue;
                        }
                        // `--min-score` was applied to the shown score above.
                        let row = MatchRow::new(matcher, &profile, score, settings.explain);
                        if settings.render_jsonl {
                            rendered.push(&row);
                        } else {
                            items.push(Item::Row(row));
                        }
                    }
                }
            }
        }
        rendered.hand_on(&mut items);
        if done
            .send(Done {
                seq: batch.seq,
                records: batch.units.len(),
                items,
                spent: batch,
            })
            .is_err()
        {
            return;
        }
    }
}
