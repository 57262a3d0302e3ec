// @octokit/rest, unchanged but for its baseUrl, against a real Gistful server: the same
// journey as the PyGithub test.
import { Octokit } from "@octokit/rest";
import assert from "node:assert/strict";

const baseUrl = `${process.env.GISTFUL_URL}/api`;
const alice = new Octokit({ baseUrl, auth: process.env.ALICE_TOKEN });
const bob = new Octokit({ baseUrl, auth: process.env.BOB_TOKEN });
const anonymous = new Octokit({ baseUrl });
let checks = 0;
const check = (fn) => { fn(); checks += 1; };

const { data: me } = await alice.rest.users.getAuthenticated();
check(() => assert.equal(me.login, "alice"));

const { data: created, status } = await alice.rest.gists.create({
  description: "octokit journey",
  public: true,
  files: { "a.js": { content: "console.log(1)\n" }, "b.txt": { content: "bye\n" }, "c.md": { content: "# c\n" } },
});
check(() => assert.equal(status, 201));
check(() => assert.deepEqual(Object.keys(created.files).sort(), ["a.js", "b.txt", "c.md"]));
const id = created.id;
const firstVersion = created.history[0].version;

const { data: read } = await anonymous.rest.gists.get({ gist_id: id });
check(() => assert.equal(read.files["a.js"].content, "console.log(1)\n"));

const { data: edited } = await alice.rest.gists.update({
  gist_id: id,
  description: "octokit journey, edited",
  files: { "a.js": { filename: "main.js" }, "b.txt": null, "d.rs": { content: "fn main() {}\n" } },
});
check(() => assert.deepEqual(Object.keys(edited.files).sort(), ["c.md", "d.rs", "main.js"]));
check(() => assert.equal(edited.files["main.js"].content, "console.log(1)\n"));
check(() => assert.equal(edited.description, "octokit journey, edited"));

await alice.rest.gists.star({ gist_id: id });
const isStarred = await alice.rest.gists.checkIsStarred({ gist_id: id });
check(() => assert.equal(isStarred.status, 204));
const starred = await alice.paginate(alice.rest.gists.listStarred, { per_page: 100 });
check(() => assert.ok(starred.some((g) => g.id === id)));
await alice.rest.gists.unstar({ gist_id: id });
await assert.rejects(alice.rest.gists.checkIsStarred({ gist_id: id }), (e) => e.status === 404);
checks += 1;

const { data: fork, status: forkStatus } = await bob.rest.gists.fork({ gist_id: id });
check(() => assert.equal(forkStatus, 201));
check(() => assert.equal(fork.owner.login, "bob"));
await assert.rejects(alice.rest.gists.fork({ gist_id: id }), (e) => e.status === 422);
checks += 1;
const forks = await anonymous.paginate(anonymous.rest.gists.listForks, { gist_id: id });
check(() => assert.deepEqual(forks.map((f) => f.id), [fork.id]));

const commits = await anonymous.paginate(anonymous.rest.gists.listCommits, { gist_id: id, per_page: 1 });
check(() => assert.equal(commits.length, 2));
check(() => assert.equal(commits.at(-1).version, firstVersion));
const { data: old } = await anonymous.rest.gists.getRevision({ gist_id: id, sha: firstVersion });
check(() => assert.ok("b.txt" in old.files && !("main.js" in old.files)));

const { data: comment } = await bob.rest.gists.createComment({ gist_id: id, body: "nice" });
await bob.rest.gists.updateComment({ gist_id: id, comment_id: comment.id, body: "very nice" });
const comments = await anonymous.paginate(anonymous.rest.gists.listComments, { gist_id: id });
check(() => assert.deepEqual(comments.map((c) => c.body), ["very nice"]));
const { data: one } = await anonymous.rest.gists.getComment({ gist_id: id, comment_id: comment.id });
check(() => assert.equal(one.user.login, "bob"));
await bob.rest.gists.deleteComment({ gist_id: id, comment_id: comment.id });

const made = new Set();
for (let i = 0; i < 250; i += 1) {
  const { data } = await bob.rest.gists.create({ public: true, files: { [`n${i}.txt`]: { content: `${i}\n` } } });
  made.add(data.id);
}
const bobs = new Set((await anonymous.paginate(anonymous.rest.gists.listForUser, { username: "bob", per_page: 100 })).map((g) => g.id));
check(() => assert.ok([...made, fork.id].every((g) => bobs.has(g)), "every one of bob's gists, through the Link pages"));
const publicGists = await anonymous.paginate(anonymous.rest.gists.listPublic, { per_page: 100 });
check(() => assert.ok(publicGists.length >= 252));

const { status: deleted } = await alice.rest.gists.delete({ gist_id: id });
check(() => assert.equal(deleted, 204));
await assert.rejects(anonymous.rest.gists.get({ gist_id: id }), (e) => e.status === 404);
checks += 1;

console.log(`octokit: ${checks} passed, 0 failed`);
