//! `sharechart watch` driven by real file edits in a temporary folder: an editor-like atomic save
//! (write a temporary file, rename it over the CSV), a CSV that is broken for a moment, a file
//! deleted and created again, and an edit of the manifest itself.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{tempdir, write};

const MANIFEST: &str =
    "[[chart]]\nname = \"a\"\ninput = \"data/a.csv\"\nkind = \"bar\"\noutput = [\"out/a.svg\"]\n";

struct Watcher {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Watcher {
    fn start(dir: &Path) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sharechart"))
            .arg("watch")
            .current_dir(dir)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start sharechart watch");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let w = Watcher { child, lines: rx };
        w.wait_for("watching");
        w
    }

    /// Waits (up to 10 s, generous for a loaded CI machine) for a stderr line containing `needle`.
    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(l) if l.contains(needle) => return l,
                Ok(l) => seen.push(l),
                Err(_) => break,
            }
        }
        panic!(
            "no line with {needle:?} from watch; saw:\n{}",
            seen.join("\n")
        );
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves like an editor: a temporary file in the same folder, renamed over the target.
fn atomic_save(path: &Path, text: &str) {
    let tmp = path.with_extension("csv.swp");
    std::fs::write(&tmp, text).expect("write temporary");
    std::fs::rename(&tmp, path).expect("rename over");
}

fn svg(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("out/a.svg")).expect("out/a.svg")
}

#[test]
fn watch_follows_saves_survives_broken_csv_and_manifest_edits() {
    let dir = tempdir();
    let p = dir.path();
    write(p, "charts.toml", MANIFEST);
    write(p, "data/a.csv", "label,share\nDates,76\n");
    let w = Watcher::start(p);
    assert!(svg(p).contains("76%"));

    atomic_save(&p.join("data/a.csv"), "label,share\nDates,77\n");
    w.wait_for("1 rendered");
    assert!(svg(p).contains("77%"));

    // Broken for a moment: the error is printed and the last good chart stays.
    atomic_save(&p.join("data/a.csv"), "label,share\nDates,7?\n");
    w.wait_for("cannot read \"7?\" as a number");
    w.wait_for("1 failed");
    assert!(svg(p).contains("77%"), "the last good chart is kept");

    // Deleted, then created again.
    std::fs::remove_file(p.join("data/a.csv")).expect("rm");
    w.wait_for("1 failed");
    write(p, "data/a.csv", "label,share\nDates,78\n");
    w.wait_for("1 rendered");
    assert!(svg(p).contains("78%"));

    // The manifest itself changes.
    write(p, "charts.toml", format!("{MANIFEST}title = \"Renamed\"\n"));
    w.wait_for("1 rendered");
    assert!(svg(p).contains("Renamed"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let dir = tempdir();
    let p = dir.path();
    write(p, "charts.toml", MANIFEST);
    write(p, "data/a.csv", "label,share\nDates,76\n");
    let mut w = Watcher::start(p);
    let pid = w.child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill -INT");
    assert!(status.success());
    w.wait_for("stopped");
    let code = w.child.wait().expect("wait");
    assert!(code.success(), "exit status {code:?}");
}
