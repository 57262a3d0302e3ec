//! What a `git push` may change, judged before any ref moves (the pre-receive hook runs
//! this on the quarantined objects): only `main`, never deleted, flat trees of valid
//! file names within the limits. A refused push leaves nothing behind.

use git2::{ObjectType, Oid, Repository, Sort};

use super::{ALIAS_REF, BRANCH_REF};
use crate::rules::{Limits, validate_filename};

/// One line of the hook's input: `<old> <new> <ref>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefUpdate {
    pub old: Oid,
    pub new: Oid,
    pub name: String,
}

pub fn parse_updates(input: &str) -> Result<Vec<RefUpdate>, String> {
    input
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut parts = line.split_whitespace();
            let (Some(old), Some(new), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(format!("unreadable ref update {line:?}"));
            };
            let oid = |s: &str| Oid::from_str(s).map_err(|_| format!("bad object id {s:?}"));
            Ok(RefUpdate {
                old: oid(old)?,
                new: oid(new)?,
                name: name.to_owned(),
            })
        })
        .collect()
}

/// The pre-receive hook's whole job: `input` is what git feeds the hook; the repository
/// (with the push's quarantined objects) is the one git names in the environment.
pub fn check_hook_input(input: &str, limits: &Limits) -> Result<(), String> {
    let updates = parse_updates(input)?;
    let repo = Repository::open_from_env()
        .map_err(|e| format!("cannot open the pushed repository: {}", e.message()))?;
    check_push(&repo, &updates, limits)
}

/// `Ok` if every update may go in; otherwise the message `git push` shows the user.
pub fn check_push(repo: &Repository, updates: &[RefUpdate], limits: &Limits) -> Result<(), String> {
    for update in updates {
        // `master` is an alias of `main` (see `ALIAS_REF`): git moves `main` through it.
        if update.name != BRANCH_REF && update.name != ALIAS_REF {
            return Err(format!(
                "a gist has one branch, main: pushing {} is not allowed (try `git push origin HEAD:main`)",
                update.name
            ));
        }
        if update.new.is_zero() {
            return Err("the main branch of a gist cannot be deleted".into());
        }
        check_new_commits(repo, update, limits)?;
    }
    Ok(())
}

/// Every commit the push brings is judged as a gist revision of its own: a flat tree of
/// valid names within the size and count limits. Judging only the tip would let an
/// earlier commit of the same push carry a blob of gigabytes (a few MB compressed) that
/// every later read of that revision (raw, ZIP, API, clone) would have to hold.
fn check_new_commits(repo: &Repository, update: &RefUpdate, limits: &Limits) -> Result<(), String> {
    let mut walk = repo.revwalk().map_err(|e| e.message().to_owned())?;
    walk.set_sorting(Sort::TOPOLOGICAL)
        .map_err(|e| e.message().to_owned())?;
    walk.push(update.new).map_err(|e| e.message().to_owned())?;
    if !update.old.is_zero() {
        // A forced push may not contain the old tip; hiding it is then simply a no-op.
        let _ = walk.hide(update.old);
    }
    for oid in walk {
        let oid = oid.map_err(|e| e.message().to_owned())?;
        check_commit(repo, oid, limits)?;
    }
    Ok(())
}

/// One commit's files: plain files only, valid names, at least one, within the limits.
/// Sizes come from the object headers, so a huge blob is never read to be measured.
fn check_commit(repo: &Repository, oid: Oid, limits: &Limits) -> Result<(), String> {
    let commit = repo.find_commit(oid).map_err(|e| e.message().to_owned())?;
    let tree = commit.tree().map_err(|e| e.message().to_owned())?;
    let odb = repo.odb().map_err(|e| e.message().to_owned())?;
    if tree.len() > limits.max_files {
        return Err(format!(
            "commit {oid:.7} has {} files; a gist may have at most {}",
            tree.len(),
            limits.max_files
        ));
    }
    let mut files = Vec::with_capacity(tree.len());
    for entry in tree.iter() {
        let shown = entry.name().unwrap_or("?");
        match entry.kind() {
            Some(ObjectType::Blob) if entry.filemode() == 0o120000 => {
                return Err(format!(
                    "{shown:?} is a symbolic link in commit {oid:.7}; a gist holds plain files only"
                ));
            }
            Some(ObjectType::Blob) => {}
            Some(ObjectType::Tree) => {
                return Err(format!(
                    "gists cannot contain directories: {shown}/ in commit {oid:.7}; keep every file at the top level"
                ));
            }
            _ => {
                return Err(format!(
                    "{shown:?} in commit {oid:.7} is a submodule; a gist holds plain files only"
                ));
            }
        }
        let name = entry
            .name()
            .ok_or_else(|| format!("file names must be UTF-8 (commit {oid:.7})"))?
            .to_owned();
        validate_filename(&name)
            .map_err(|e| format!("{name:?} in commit {oid:.7}: {}", e.message))?;
        let (size, _) = odb
            .read_header(entry.id())
            .map_err(|e| e.message().to_owned())?;
        files.push((name, size as u64));
    }
    if files.is_empty() {
        return Err(format!(
            "commit {oid:.7} has no files; a gist needs at least one"
        ));
    }
    limits
        .check(files.iter().map(|(name, size)| (name.as_str(), *size)))
        .map_err(|e| format!("commit {oid:.7}: {}", e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use git2::Signature;

    fn commit(repo: &Repository, files: &[(&str, &str)], dir: Option<&str>) -> Oid {
        let mut builder = repo.treebuilder(None).unwrap();
        for (name, content) in files {
            let blob = repo.blob(content.as_bytes()).unwrap();
            builder.insert(name, blob, 0o100644).unwrap();
        }
        if let Some(dir) = dir {
            let mut inner = repo.treebuilder(None).unwrap();
            inner
                .insert("nested.txt", repo.blob(b"x").unwrap(), 0o100644)
                .unwrap();
            builder
                .insert(dir, inner.write().unwrap(), 0o040000)
                .unwrap();
        }
        let tree = repo.find_tree(builder.write().unwrap()).unwrap();
        let sig = Signature::now("t", "t@example.com").unwrap();
        repo.commit(None, &sig, &sig, "m", &tree, &[]).unwrap()
    }

    fn update(new: Oid, name: &str) -> Vec<RefUpdate> {
        vec![RefUpdate {
            old: Oid::zero(),
            new,
            name: name.into(),
        }]
    }

    #[test]
    fn judges_pushes() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let limits = Limits::default();
        let flat = commit(&repo, &[("a.txt", "a")], None);
        assert_eq!(
            check_push(&repo, &update(flat, BRANCH_REF), &limits),
            Ok(())
        );

        assert_eq!(
            check_push(&repo, &update(flat, super::ALIAS_REF), &limits),
            Ok(()),
            "master is main's alias"
        );
        let other = check_push(&repo, &update(flat, "refs/heads/dev"), &limits).unwrap_err();
        assert!(other.contains("one branch, main"), "{other}");
        let nested = commit(&repo, &[("a.txt", "a")], Some("src"));
        let refused = check_push(&repo, &update(nested, BRANCH_REF), &limits).unwrap_err();
        assert!(
            refused.contains("cannot contain directories: src/"),
            "{refused}"
        );
        let small = Limits {
            max_file_size: 2,
            ..Limits::default()
        };
        let big = commit(&repo, &[("big.txt", "large")], None);
        assert!(
            check_push(&repo, &update(big, BRANCH_REF), &small)
                .unwrap_err()
                .contains("the limit is 2 bytes")
        );
        let deletion = vec![RefUpdate {
            old: flat,
            new: Oid::zero(),
            name: BRANCH_REF.into(),
        }];
        assert!(
            check_push(&repo, &deletion, &limits)
                .unwrap_err()
                .contains("cannot be deleted")
        );
    }

    #[test]
    fn every_pushed_commit_is_held_to_the_limits() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let small = Limits {
            max_file_size: 4,
            ..Limits::default()
        };
        let sig = Signature::now("t", "t@example.com").unwrap();
        let tree_of = |files: &[(&str, &[u8])]| {
            let mut builder = repo.treebuilder(None).unwrap();
            for (name, content) in files {
                builder
                    .insert(name, repo.blob(content).unwrap(), 0o100644)
                    .unwrap();
            }
            repo.find_tree(builder.write().unwrap()).unwrap()
        };
        // An earlier commit carries the large file; the tip has removed it again.
        let big = repo
            .commit(
                None,
                &sig,
                &sig,
                "big",
                &tree_of(&[("a.txt", b"0123456789")]),
                &[],
            )
            .unwrap();
        let parent = repo.find_commit(big).unwrap();
        let tip = repo
            .commit(
                None,
                &sig,
                &sig,
                "small",
                &tree_of(&[("a.txt", b"ok")]),
                &[&parent],
            )
            .unwrap();
        let refused = check_push(&repo, &update(tip, BRANCH_REF), &small).unwrap_err();
        assert!(
            refused.contains(&format!("commit {big:.7}"))
                && refused.contains("the limit is 4 bytes"),
            "{refused}"
        );
        // A bad name in the middle of the history, too.
        let bad = repo
            .commit(
                None,
                &sig,
                &sig,
                "bad",
                &tree_of(&[("back\\slash", b"x")]),
                &[],
            )
            .unwrap();
        let parent = repo.find_commit(bad).unwrap();
        let tip = repo
            .commit(
                None,
                &sig,
                &sig,
                "fine",
                &tree_of(&[("a.txt", b"x")]),
                &[&parent],
            )
            .unwrap();
        assert!(check_push(&repo, &update(tip, BRANCH_REF), &Limits::default()).is_err());
        // What the old tip already had is not judged again.
        let pushed = vec![RefUpdate {
            old: bad,
            new: tip,
            name: BRANCH_REF.into(),
        }];
        assert_eq!(check_push(&repo, &pushed, &Limits::default()), Ok(()));
    }

    #[test]
    fn reads_hook_input() {
        let line = format!("{} {} refs/heads/main\n", "0".repeat(40), "a".repeat(40));
        let parsed = parse_updates(&line).unwrap();
        assert_eq!(parsed[0].name, "refs/heads/main");
        assert!(parsed[0].old.is_zero());
        assert!(parse_updates("nonsense").is_err());
    }
}
