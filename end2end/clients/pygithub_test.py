"""PyGithub, unchanged but for its base URL, against a real Gistful server.

Runs the journey a script would: create, read, edit, star, fork as a second user, read
history and an old revision, comment, page through 250 gists, delete.
"""

import os
import sys

from github import Auth, Github, GithubException, InputFileContent

BASE = os.environ["GISTFUL_URL"] + "/api"
# PyGithub waits 1 s between writes by default, to be gentle with github.com; our own
# server needs no such courtesy.
FAST = {"retry": None, "seconds_between_requests": 0, "seconds_between_writes": 0}
alice = Github(base_url=BASE, auth=Auth.Token(os.environ["ALICE_TOKEN"]), per_page=100, **FAST)
bob = Github(base_url=BASE, auth=Auth.Token(os.environ["BOB_TOKEN"]), per_page=100, **FAST)
anonymous = Github(base_url=BASE, **FAST)

checks = 0


def check(condition, what):
    global checks
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    checks += 1


me = alice.get_user()
check(me.login == "alice", f"authenticated user is alice, not {me.login}")

# Create.
gist = me.create_gist(
    True,
    {
        "hello.py": InputFileContent("print('hello')\n"),
        "notes.md": InputFileContent("# Notes\n"),
        "old.txt": InputFileContent("to be deleted\n"),
    },
    "PyGithub journey",
)
check(gist.public is True, "created public")
check(set(gist.files) == {"hello.py", "notes.md", "old.txt"}, f"files {sorted(gist.files)}")
check(gist.files["hello.py"].language == "Python", "language")
check(gist.owner.login == "alice", "owner")
first_version = gist.history[0].version

# Get, anonymously.
read = anonymous.get_gist(gist.id)
check(read.description == "PyGithub journey", "description read back")
check(read.files["hello.py"].content == "print('hello')\n", "content read back")

# Edit: rename one, delete one, add one, change the description.
gist.edit(
    description="PyGithub journey, edited",
    files={
        "hello.py": InputFileContent("print('hello')\n", new_name="hi.py"),
        "old.txt": None,
        "added.rs": InputFileContent("fn main() {}\n"),
    },
)
edited = alice.get_gist(gist.id)
check(set(edited.files) == {"hi.py", "notes.md", "added.rs"}, f"files after edit {sorted(edited.files)}")
check(edited.description == "PyGithub journey, edited", "description edited")
check(len(edited.history) == 2, f"two revisions, got {len(edited.history)}")

# Star and unstar.
check(not edited.is_starred(), "not starred yet")
edited.set_starred()
check(edited.is_starred(), "starred")
check(any(g.id == gist.id for g in alice.get_user().get_starred_gists()), "in starred list")
edited.reset_starred()
check(not edited.is_starred(), "unstarred")

# Fork as bob.
fork = bob.get_gist(gist.id).create_fork()
check(fork.owner.login == "bob", "fork belongs to bob")
check(fork.id != gist.id, "fork has its own id")
check(set(fork.files) == set(edited.files), "fork has the same files")
try:
    alice.get_gist(gist.id).create_fork()
    check(False, "forking one's own gist must fail")
except GithubException as e:
    check(e.status == 422, f"own fork refused with 422, got {e.status}")
check(alice.get_gist(gist.id).forks[0].id == fork.id, "forks listed on the source")

# Commits and an old revision.
versions = [h.version for h in alice.get_gist(gist.id).history]
check(versions[-1] == first_version, "oldest revision is the first")
old = alice.get_gist(f"{gist.id}/{first_version}")
check("old.txt" in old.files and "hi.py" not in old.files, f"old revision files {sorted(old.files)}")

# Comments.
comment = edited.create_comment("Looks **good**")
check(comment.body == "Looks **good**", "comment created")
comment.edit("Looks great")
comments = list(edited.get_comments())
check([c.body for c in comments] == ["Looks great"], "comment listed after edit")
comment.delete()
check(list(alice.get_gist(gist.id).get_comments()) == [], "comment deleted")

# Page through 250 gists (PyGithub follows the Link headers).
for i in range(250):
    me.create_gist(False, {f"page{i}.txt": InputFileContent(f"gist {i}\n")}, f"page {i}")
seen = {g.id for g in alice.get_user().get_gists()}
check(len(seen) >= 251, f"paged through all of alice's gists, saw {len(seen)}")
public_seen = {g.id for g in anonymous.get_gists()}
check(gist.id in public_seen, "public gist in the public list")

# Delete.
edited.delete()
try:
    anonymous.get_gist(gist.id)
    check(False, "deleted gist must be gone")
except GithubException as e:
    check(e.status == 404, f"deleted gist is 404, got {e.status}")

print(f"pygithub: {checks} passed, 0 failed")
