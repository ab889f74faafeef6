//! Parallel work, results in input order: the engine under `extract` and
//! `ingest`.
//!
//! ```text
//!  items ──► Feeder ──par_bridge──► N rayon workers ──channel──► sink
//!  (in order) (window)              work(item)                   (reorders)
//! ```
//!
//! Workers finish out of order, so the sink's side holds results until the
//! one due next arrives. To keep that buffer (and the items in flight)
//! bounded in a batch of any size, the feeder hands out item `n` only once
//! fewer than `window` items are waiting for the sink: one slow URL stalls
//! new work after `window` items instead of piling up finished results.

use anyhow::Context;
use indicatif::ProgressBar;
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Condvar, Mutex};

/// Runs `work` on every item on `jobs` threads and hands the results to
/// `sink` in item order, on the calling thread. `sink` may stop the run
/// (`ControlFlow::Break`): items not yet started are then dropped.
/// `progress` counts the items handed to `sink`; its length grows when
/// there turn out to be more items than it said.
pub fn for_each<I, T, W, S>(
    items: I,
    jobs: usize,
    progress: &ProgressBar,
    work: W,
    mut sink: S,
) -> anyhow::Result<()>
where
    I: Iterator + Send,
    I::Item: Send,
    T: Send,
    W: Fn(I::Item) -> T + Sync,
    S: FnMut(T) -> ControlFlow<()>,
{
    let window = Arc::new(Window::default());
    let feeder = Feeder {
        items,
        next: 0,
        capacity: (jobs * 8).max(16),
        window: Arc::clone(&window),
        progress: progress.clone(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("dateline-worker-{i}"))
        .build()
        .context("cannot start the worker threads")?;

    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.install(|| {
                feeder.par_bridge().for_each_with(tx, |tx, (index, item)| {
                    // The receiver only goes away once the sink stopped.
                    let _ = tx.send((index, work(item)));
                })
            })
        });

        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut next = 0usize;
        let mut stopped = false;
        for (index, result) in rx {
            if stopped {
                continue;
            }
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                window.written(next);
                progress.inc(1);
                if sink(result).is_break() {
                    stopped = true;
                    window.cancel();
                    pending.clear();
                    break;
                }
            }
        }
    });
    Ok(())
}

/// Runs `f`, turning a panic into an error naming `name`: inputs are
/// hostile and extraction is large, so a panic on one page must cost that
/// page, not the batch.
pub fn guarded<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(outcome) => outcome,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!("{name}: internal error (please report): {what}"))
        }
    }
}

/// How far the sink has got, for the feeder to wait on.
#[derive(Default)]
struct Window {
    state: Mutex<WindowState>,
    changed: Condvar,
}

#[derive(Default)]
struct WindowState {
    written: usize,
    cancelled: bool,
}

impl Window {
    fn written(&self, n: usize) {
        self.state.lock().expect("window lock").written = n;
        self.changed.notify_all();
    }

    fn cancel(&self) {
        self.state.lock().expect("window lock").cancelled = true;
        self.changed.notify_all();
    }
}

/// The items in input order, numbered, handed out no further than
/// `capacity` ahead of the sink.
struct Feeder<I> {
    items: I,
    next: usize,
    capacity: usize,
    window: Arc<Window>,
    progress: ProgressBar,
}

impl<I: Iterator> Iterator for Feeder<I> {
    type Item = (usize, I::Item);

    fn next(&mut self) -> Option<Self::Item> {
        {
            let mut state = self.window.state.lock().expect("window lock");
            while !state.cancelled && self.next - state.written >= self.capacity {
                state = self.window.changed.wait(state).expect("window lock");
            }
            if state.cancelled {
                return None;
            }
        }
        let item = self.items.next()?;
        let index = self.next;
        self.next += 1;
        if self
            .progress
            .length()
            .is_some_and(|len| len < self.next as u64)
        {
            // A file that turned out to be a WARC: more pages than inputs.
            self.progress.set_length(self.next as u64);
        }
        Some((index, item))
    }
}
