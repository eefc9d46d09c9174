//! The output set of a run, whole or not at all: every output is written into a
//! staging folder inside the output folder (so on the same filesystem, whatever is
//! mounted where), and only when all are complete moved into place, replacing the
//! previous files of the same names. A failed run removes its staging folder; one
//! left by a killed run is recognised by its name and removed by the next run into
//! the folder. Two runs committing into one folder at once take turns (a lock on
//! the folder itself, so no lock file stays behind; on Windows a lock file that
//! exists only while held), so the folder ends with one whole set: the one
//! committed last. Every file is synced before it moves into place, and the folder
//! after the moves: a set that was committed survives a power cut.
//!
//! A front end with a folder per run uses the same [`Staging`]: it is all a run
//! needs to know about where its outputs go.

use crate::error::Error;
use crate::finding::Message;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every staging folder's name starts with this; nothing else is ever removed.
const STAGING_PREFIX: &str = ".kinerja-staging-";
/// Inside a staging folder: locked for as long as its run lives.
const ALIVE: &str = ".alive";
/// Inside a staging folder: the files a commit replaced, until it is done.
const PREVIOUS: &str = ".previous";

/// A run's outputs on their way into `folder`.
#[derive(Debug)]
pub struct Staging {
    folder: PathBuf,
    dir: PathBuf,
    /// Held (locked) until the staging folder goes: a folder whose lock can be
    /// taken belongs to a run that ended without cleaning up.
    alive: Option<File>,
    /// Output names relative to the folder, in the order written.
    names: Vec<PathBuf>,
    /// The folders this run created for the output folder, outermost first: a run
    /// that fails removes them again (each only if empty), so it leaves no folder
    /// that was not there.
    made: Vec<PathBuf>,
}

fn failed(path: &Path, e: &std::io::Error) -> Error {
    if held_by_another_program(e) {
        return Error::OutputHeld {
            path: path.to_path_buf(),
        };
    }
    Error::Output {
        path: path.to_path_buf(),
        message: Message::new(
            format!(
                "berkas tidak dapat ditulis ({e}); tidak ada keluaran yang diubah, folder keluaran tetap seperti semula"
            ),
            format!(
                "the file cannot be written ({e}); no output was changed, the output folder is as it was"
            ),
        ),
    }
}

impl Staging {
    /// Creates `folder` if need be, removes what killed runs left there, and opens
    /// this run's staging folder: the check that the folder is writable, before
    /// any work.
    pub fn begin(folder: &Path) -> Result<Staging, Error> {
        let fail = |e: std::io::Error, what: (&str, &str)| Error::Output {
            path: folder.to_path_buf(),
            message: Message::new(format!("{} ({e})", what.0), format!("{} ({e})", what.1)),
        };
        let made = missing_folders(folder);
        std::fs::create_dir_all(folder).map_err(|e| {
            fail(
                e,
                ("folder tidak dapat dibuat", "the folder cannot be created"),
            )
        })?;
        remove_abandoned(folder, STAGING_PREFIX);
        let not_writable = ("folder tidak dapat ditulisi", "the folder is not writable");
        let unmake = |e| {
            remove_made(&made);
            fail(e, not_writable)
        };
        let dir = unique_dir(folder).map_err(unmake)?;
        let alive = hold_alive(&dir).map_err(|e| {
            let _ = std::fs::remove_dir_all(&dir);
            unmake(e)
        })?;
        Ok(Staging {
            folder: folder.to_path_buf(),
            dir,
            alive: Some(alive),
            names: Vec::new(),
            made,
        })
    }

    /// The output folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Stages one output, `name` relative to the output folder.
    pub fn write(&mut self, name: &Path, bytes: &[u8]) -> Result<(), Error> {
        let staged = self.dir.join(name);
        let target = self.folder.join(name);
        if let Some(parent) = staged.parent() {
            std::fs::create_dir_all(parent).map_err(|e| failed(&target, &e))?;
        }
        // Synced before it is moved into place: a power cut after the move must not
        // leave an output whose name is there but whose bytes are not.
        File::create(&staged)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
            .map_err(|e| failed(&target, &e))?;
        self.names.push(name.to_path_buf());
        Ok(())
    }

    /// Moves every staged output into place, replacing the files of the same names,
    /// and returns their paths. Either all are moved or none: a name that cannot
    /// take its file (a folder in the way) stops the commit before anything moves;
    /// the files to be replaced are all moved aside before any new one moves in,
    /// so a file another program holds (a workbook open in Excel, on Windows)
    /// stops it with nothing replaced; and a move that fails puts back what was
    /// moved. The folder is synced after the moves: once this returns, the set
    /// survives a power cut.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, Error> {
        let lock = lock_folder(&self.folder).map_err(|e| failed(&self.folder, &e))?;
        for name in &self.names {
            let target = self.folder.join(name);
            if target.is_dir() {
                return Err(Error::Output {
                    path: target,
                    message: Message::new(
                        "nama ini dipakai sebuah folder, jadi berkas keluaran tidak dapat ditaruh di sini; tidak ada keluaran yang diubah",
                        "a folder has this name, so the output file cannot go there; no output was changed",
                    ),
                });
            }
        }
        let previous = self.dir.join(PREVIOUS);
        let mut aside: Vec<&PathBuf> = Vec::new();
        let mut placed: Vec<&PathBuf> = Vec::new();
        // Folders made for outputs in sub-folders, outermost first.
        let mut made: Vec<PathBuf> = Vec::new();
        let result = self
            .names
            .iter()
            .try_for_each(|name| {
                let target = self.folder.join(name);
                if !target.exists() {
                    return Ok(());
                }
                let kept = previous.join(name);
                if let Some(parent) = kept.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| failed(&target, &e))?;
                }
                rename(&target, &kept).map_err(|e| failed(&target, &e))?;
                aside.push(name);
                Ok(())
            })
            .and_then(|()| {
                self.names.iter().try_for_each(|name| {
                    let target = self.folder.join(name);
                    if let Some(parent) = target.parent() {
                        made.extend(missing_folders(parent));
                        std::fs::create_dir_all(parent).map_err(|e| failed(&target, &e))?;
                    }
                    rename(&self.dir.join(name), &target).map_err(|e| failed(&target, &e))?;
                    placed.push(name);
                    Ok(())
                })
            });
        if result.is_err() {
            for name in placed.into_iter().rev() {
                let _ = std::fs::remove_file(self.folder.join(name));
            }
            for name in aside.into_iter().rev() {
                let _ = rename(&previous.join(name), &self.folder.join(name));
            }
            remove_made(&made);
        } else {
            sync_folders(&self.folder, &self.names);
        }
        drop(lock);
        result?;
        self.made.clear();
        Ok(self.names.iter().map(|n| self.folder.join(n)).collect())
    }
}

/// The folders `folder` would need made, outermost first.
fn missing_folders(folder: &Path) -> Vec<PathBuf> {
    let mut missing: Vec<PathBuf> = folder
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    missing
}

/// Takes the lock two runs committing into `folder` take turns on. Unix: a lock
/// on the folder itself, so no lock file stays behind.
#[cfg(not(windows))]
fn lock_folder(folder: &Path) -> std::io::Result<File> {
    let lock = File::open(folder)?;
    lock.lock()?;
    Ok(lock)
}

/// Windows opens no folder as a file to lock ("Access denied"): the lock is on a
/// file in it that Windows deletes when its last handle closes, also when the
/// process is killed. One a power cut left is locked and so deleted by the next
/// commit. A run that opens it while the last holder's close is deleting it is
/// refused (access denied) and tries again.
#[cfg(windows)]
fn lock_folder(folder: &Path) -> std::io::Result<File> {
    use std::os::windows::fs::OpenOptionsExt;
    const GENERIC_READ: u32 = 0x8000_0000;
    const GENERIC_WRITE: u32 = 0x4000_0000;
    const DELETE: u32 = 0x0001_0000;
    const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
    let path = folder.join(COMMIT_LOCK);
    let mut tries = 0;
    loop {
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .access_mode(GENERIC_READ | GENERIC_WRITE | DELETE)
            .custom_flags(FILE_FLAG_DELETE_ON_CLOSE)
            .open(&path);
        match opened {
            Ok(lock) => {
                lock.lock()?;
                return Ok(lock);
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied && tries < 500 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Windows: the lock file of [`lock_folder`], there only while a commit holds it.
#[cfg(windows)]
const COMMIT_LOCK: &str = ".kinerja-commit.lock";

/// Moves `from` to `to`. On Windows a file just written may be held for a moment
/// by a virus scanner or the search indexer: the move is tried again for up to a
/// second before it fails. A file a person holds open (Excel) fails after that.
fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut tries = 0;
    loop {
        match std::fs::rename(from, to) {
            Err(e) if cfg!(windows) && held_by_another_program(&e) && tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            done => return done,
        }
    }
}

/// Whether `e` says another program holds the file (Windows' sharing and lock
/// violations; a workbook open in Excel gives them).
fn held_by_another_program(e: &std::io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    cfg!(windows)
        && matches!(
            e.raw_os_error(),
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
        )
}

/// Makes the renames into `folder` (and its sub-folders that outputs went to)
/// durable. Unix: each folder synced; a filesystem that cannot sync a folder
/// (some network mounts) leaves it to the system. Windows syncs no folder; its
/// filesystems journal the renames, and each file was flushed before it moved.
fn sync_folders(folder: &Path, names: &[PathBuf]) {
    if cfg!(windows) {
        return;
    }
    let mut folders: Vec<PathBuf> = names
        .iter()
        .filter_map(|n| folder.join(n).parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    for f in folders {
        let _ = File::open(&f).and_then(|f| f.sync_all());
    }
}

impl Drop for Staging {
    /// Committed or not, the staging folder (with the files a commit replaced)
    /// goes; without a commit, so do the folders this run made.
    fn drop(&mut self) {
        // Closed first: Windows removes no folder that holds an open file.
        drop(self.alive.take());
        let _ = std::fs::remove_dir_all(&self.dir);
        remove_made(&self.made);
    }
}

/// Removes the folders a run made, innermost first, each only if it is empty.
fn remove_made(made: &[PathBuf]) {
    for folder in made.iter().rev() {
        let _ = std::fs::remove_dir(folder);
    }
}

/// A new staging folder in `folder`, named by the process and a counter.
fn unique_dir(folder: &Path) -> std::io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    loop {
        let dir = folder.join(format!(
            "{STAGING_PREFIX}{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            // Left by a killed run that had this process id and is still alive
            // for another run to clean up: take the next name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Locks `dir`'s `.alive` file for as long as the returned file is held: while it
/// is, [`remove_abandoned`] leaves `dir` alone, in this process and any other.
pub fn hold_alive(dir: &Path) -> std::io::Result<File> {
    File::create(dir.join(ALIVE)).and_then(|f| f.lock().map(|()| f))
}

/// Removes the folders in `folder` named with `prefix` whose process is gone
/// (their `.alive` lock can be taken, or they have none a minute on): staging
/// folders of killed runs, a killed server's temporary folder. Nothing else is
/// touched.
pub fn remove_abandoned(folder: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let is_ours = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(prefix));
        if !is_ours || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let dir = entry.path();
        let abandoned = match File::open(dir.join(ALIVE)) {
            Ok(f) => f.try_lock().is_ok(),
            // Killed between creating the folder and its lock; or a run that is
            // just between the two, which a minute later has its lock.
            Err(e) => {
                e.kind() == std::io::ErrorKind::NotFound
                    && entry
                        .metadata()
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > std::time::Duration::from_secs(60))
            }
        };
        if abandoned {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn a_committed_set_replaces_the_files_of_its_names_and_leaves_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.txt"), "old a").unwrap();
        std::fs::write(tmp.path().join("other.txt"), "someone's").unwrap();
        let mut s = Staging::begin(tmp.path()).unwrap();
        s.write(Path::new("a.txt"), b"new a").unwrap();
        s.write(Path::new("sub/b.txt"), b"new b").unwrap();
        assert_eq!(names(tmp.path()).len(), 3, "a staging folder while working");
        let written = s.commit().unwrap();
        assert_eq!(
            written,
            vec![tmp.path().join("a.txt"), tmp.path().join("sub/b.txt")]
        );
        assert_eq!(names(tmp.path()), ["a.txt", "other.txt", "sub"]);
        assert_eq!(std::fs::read(tmp.path().join("a.txt")).unwrap(), b"new a");
        assert_eq!(
            std::fs::read(tmp.path().join("sub/b.txt")).unwrap(),
            b"new b"
        );
    }

    #[test]
    fn a_dropped_staging_leaves_the_folder_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.txt"), "old a").unwrap();
        let mut s = Staging::begin(tmp.path()).unwrap();
        s.write(Path::new("a.txt"), b"new a").unwrap();
        drop(s);
        assert_eq!(names(tmp.path()), ["a.txt"]);
        assert_eq!(std::fs::read(tmp.path().join("a.txt")).unwrap(), b"old a");
    }

    #[test]
    fn a_folder_in_the_way_stops_the_commit_before_anything_moves() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.txt"), "old a").unwrap();
        std::fs::create_dir(tmp.path().join("b.txt")).unwrap();
        let mut s = Staging::begin(tmp.path()).unwrap();
        s.write(Path::new("a.txt"), b"new a").unwrap();
        s.write(Path::new("b.txt"), b"new b").unwrap();
        let e = s.commit().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "output {}: a folder has this name, so the output file cannot go there; no output was changed",
                tmp.path().join("b.txt").display()
            )
        );
        assert_eq!(names(tmp.path()), ["a.txt", "b.txt"]);
        assert_eq!(std::fs::read(tmp.path().join("a.txt")).unwrap(), b"old a");
    }

    #[test]
    fn only_abandoned_staging_folders_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        // A killed run's folder (its lock is free), one just begun (no lock yet),
        // a live run's, and look-alikes.
        std::fs::create_dir(tmp.path().join(".kinerja-staging-1-0")).unwrap();
        std::fs::write(tmp.path().join(".kinerja-staging-1-0/x.pdf"), "half").unwrap();
        std::fs::write(tmp.path().join(".kinerja-staging-1-0/.alive"), "").unwrap();
        std::fs::create_dir(tmp.path().join(".kinerja-staging-2-0")).unwrap();
        std::fs::create_dir(tmp.path().join("kinerja-staging-mine")).unwrap();
        std::fs::write(tmp.path().join(".kinerja-staging-note.txt"), "a file").unwrap();
        let live = Staging::begin(tmp.path()).unwrap();
        let live_name = live.dir.file_name().unwrap().to_string_lossy().into_owned();
        let other = Staging::begin(tmp.path()).unwrap();
        let mut expected = vec![
            ".kinerja-staging-2-0".to_string(),
            ".kinerja-staging-note.txt".to_string(),
            "kinerja-staging-mine".to_string(),
            live_name,
            other
                .dir
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
        ];
        expected.sort();
        assert_eq!(names(tmp.path()), expected);
        drop((live, other));
        assert_eq!(
            names(tmp.path()),
            [
                ".kinerja-staging-2-0",
                ".kinerja-staging-note.txt",
                "kinerja-staging-mine"
            ]
        );
    }

    #[test]
    fn a_file_that_cannot_move_aside_puts_back_those_moved_and_places_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.txt"), "old a").unwrap();
        std::fs::create_dir(tmp.path().join("sub")).unwrap();
        std::fs::write(tmp.path().join("sub/b.txt"), "old b").unwrap();
        let mut s = Staging::begin(tmp.path()).unwrap();
        s.write(Path::new("new.txt"), b"new").unwrap();
        s.write(Path::new("a.txt"), b"new a").unwrap();
        s.write(Path::new("sub/b.txt"), b"new b").unwrap();
        // Where sub/b.txt would be kept, a file: moving it aside fails after
        // a.txt has moved aside.
        std::fs::create_dir(s.dir.join(PREVIOUS)).unwrap();
        std::fs::write(s.dir.join(PREVIOUS).join("sub"), "in the way").unwrap();
        let e = s.commit().unwrap_err();
        assert!(
            e.to_string().starts_with(&format!(
                "output {}: the file cannot be written (",
                tmp.path().join("sub/b.txt").display()
            )),
            "{e}"
        );
        assert_eq!(names(tmp.path()), ["a.txt", "sub"]);
        assert_eq!(names(&tmp.path().join("sub")), ["b.txt"]);
        assert_eq!(std::fs::read(tmp.path().join("a.txt")).unwrap(), b"old a");
        assert_eq!(
            std::fs::read(tmp.path().join("sub/b.txt")).unwrap(),
            b"old b"
        );
    }

    #[test]
    fn a_failed_commit_removes_the_folders_it_made_for_outputs() {
        let tmp = tempfile::tempdir().unwrap();
        let mut s = Staging::begin(tmp.path()).unwrap();
        s.write(Path::new("new/deep/a.txt"), b"a").unwrap();
        s.write(Path::new("z.txt"), b"z").unwrap();
        // z.txt's staged file gone: its move fails after new/deep/a.txt moved in.
        std::fs::remove_file(s.dir.join("z.txt")).unwrap();
        assert!(s.commit().is_err());
        assert_eq!(names(tmp.path()), Vec::<String>::new());
    }
}
