# Gistful's words in English: the reference every other catalogue follows.
# Keys are grouped by the part of the UI that shows them (app/src/ui/<part>.rs).
# A test (app/tests/i18n.rs) fails on a key missing in any language.

## admin

admin-loading = Loading…
admin-admin = Admin
admin-administration = Administration
admin-the-configuration-file-turns-the = The configuration file turns the API off (api.enabled: false); that wins over this switch.
admin-save-settings = Save settings
admin-could-not-load-the-users = Could not load the users.
admin-user = User
admin-email = Email
admin-role = Role
admin-gists = Gists
admin-joined = Joined
admin-delete = Delete
admin-you = you
admin-could-not-load-the-gists = Could not load the gists.
admin-gist = Gist
admin-owner = Owner
admin-visibility = Visibility
admin-files = Files
admin-updated = Updated
admin-previous = ← Previous
admin-next = Next →
admin-consistency-check = Consistency check
admin-compares-every-gist-in-the = Compares every gist in the database with its git repository and only reports; the job “Check and repair” above (or
admin-repairs-safely-while-the-server = ) repairs, safely while the server runs: it never deletes, and leaves writes in progress alone.
admin-run-consistency-check = Run consistency check
admin-tab-settings = Settings
admin-tab-users = Users
admin-tab-gists = Gists
admin-tab-maintenance = Maintenance
admin-disable-signup = Disable signup
admin-disable-signup-help = Nobody can register; admins create accounts with the gistful admin create-user command.
admin-require-login = Require login
admin-require-login-help = Every page, API call, raw file and clone needs a signed-in user.
admin-allow-individual-gists = Allow individual gists without login
admin-allow-individual-gists-help = With “require login”: a single gist stays readable by anyone with its link.
admin-api-enabled = REST API enabled
admin-api-enabled-help = The /api endpoints for scripts and gist clients.
admin-require-admin-mfa = Require a second factor for admins
admin-require-admin-mfa-help = Admins without an authenticator app or a passkey are sent to set one up when they sign in, and cannot use this panel until they do.
admin-settings-saved = Settings saved.
admin-users-count = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
admin-gists-count = { $count ->
    [one] { $count } gist
   *[other] { $count } gists
}
admin-role-admin = Admin
admin-role-user = User
admin-demote = Demote
admin-make-admin = Make admin
admin-confirm-delete-user = Delete this user with all their gists?
admin-confirm-delete-gist = Delete this gist and its history?
admin-page-of = Page { $page } of { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] Checked { $count } gist:
   *[other] Checked { $count } gists:
}
admin-consistent = everything is consistent.
admin-problems-found = problems found.
admin-missing-repositories = Missing repositories
admin-missing-repositories-help = Gists whose repository is gone.
admin-orphan-repositories = Orphan repositories
admin-orphan-repositories-help = Repositories no gist refers to.
admin-stale-rows = Out-of-date rows
admin-stale-rows-help = Rows that describe another revision than the repository's head.

## auth

auth-log-in = Log in
auth-log-in-to-gistful = Log in to Gistful
auth-username = Username
auth-password = Password
auth-new-here = New here?
auth-create-an-account = Create an account
auth-register = Register
auth-create-your-account = Create your account
auth-email = Email
auth-create-account = Create account
auth-already-have-an-account = Already have an account?
auth-or = or
auth-sign-in-with = Sign in with { $provider }

## comments

comments-comments-are-turned-off-for = Comments are turned off for this gist.
comments-comments = Comments
comments-no-comments-yet = No comments yet.
comments-add-a-comment = Add a comment
comments-markdown-works-here = Markdown works here
comments-comment = Comment
comments-log-in = Log in
comments-to-comment = to comment.
comments-delete = Delete
comments-edit-comment = Edit comment
comments-save = Save
comments-cancel = Cancel

## count

count-forks = { $count ->
    [one] { $count } fork
   *[other] { $count } forks
}
count-stars = { $count ->
    [one] { $count } star
   *[other] { $count } stars
}

## gist

gist-loading = Loading…
gist-forked-from = forked from
gist-revisions = Revisions
gist-download-zip = Download ZIP
gist-log-in-to-star-or = Log in to star or fork
gist-fork = Fork
gist-edit = Edit
gist-delete = Delete
gist-clone = Clone
gist-clone-over = Clone over
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Download it
gist-view-it-raw = View it raw
gist-raw = Raw
gist-download = Download
gist-new-gist = New gist
gist-create-a-gist = Create a gist
gist-log-in-to-create-gists = Log in to create gists.
gist-log-in = Log in
gist-title = Title
gist-optional = Optional
gist-description = Description
gist-what-is-this-gist-about = What is this gist about?
gist-create-gist = Create gist
gist-edit-gist = Edit gist
gist-back-to-the-gist = Back to the gist
gist-log-in-to-edit-your = Log in to edit your gists.
gist-cancel = Cancel
gist-save-changes = Save changes
gist-topics = Topics
gist-e-g-rust-cli-up = e.g. rust, cli (up to 10)
gist-visibility = Visibility
gist-add-file = Add file
gist-filename-including-extension = Filename including extension…
gist-file-name = File name
gist-language = Language
gist-remove = Remove
gist-binary-file-kept-as-it = Binary file: kept as it is (rename or remove it here).
gist-file-content = File content
gist-rendering = Rendering…
gist-size-mb = { $size } MB
gist-size-kb = { $size } KB
gist-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
gist-files-count = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
gist-embed = Embed
gist-copied = Copied
gist-copy = Copy
gist-unstar = ★ Unstar
gist-star = ☆ Star
gist-binary-file = { $count ->
    [one] Binary file, { $count } byte.
   *[other] Binary file, { $count } bytes.
}
gist-large-file = { $count ->
    [one] This file is large ({ $size }): the first line is shown.
   *[other] This file is large ({ $size }): the first { $count } lines are shown.
}
gist-language-auto = Auto ({ $language })
gist-preview = Preview

## job

job-reindex = Re-index search
job-reindex-help = Empties this server's search index and indexes every gist again; searches keep working and catch up as it goes.
job-repack = Repack repositories
job-repack-help = Packs each repository's objects (git gc), one repository at a time while its gist is locked; nothing reachable is removed.
job-repair = Check and repair
job-repair-help = Compares every gist with its repository: rows behind their repository are resynced, repositories without a gist are moved to lost+found, missing repositories are reported. Nothing is deleted.
job-regenerate = Regenerate previews and languages
job-regenerate-help = Rewrites every gist's file previews and languages from its repository with the current rules; heads and dates stay as they are.
job-purge-expired = Purge expired gists
job-purge-expired-help = Deletes the gists whose expiry has passed (they already answer 404 to everyone).

## layout

layout-gistful = Gistful
layout-explore = Explore
layout-search-gists = Search gists
layout-new-gist = New gist
layout-api = API
layout-admin = Admin
layout-settings = Settings
layout-log-out = Log out
layout-log-in = Log in
layout-register = Register
layout-language = Site language
layout-change-language = Change

## lifecycle

lifecycle-options = Options
lifecycle-expires = Expires
lifecycle-never = Never
lifecycle-at-the-date-below-utc = At the date below (UTC)
lifecycle-date-utc = Date (UTC)
lifecycle-custom-url = Custom URL
lifecycle-e-g-my-notes-optional = e.g. my-notes (optional)
lifecycle-comments = Comments
lifecycle-read-only = Read-only
lifecycle-archived = archived
lifecycle-pinned-gists = Pinned gists
lifecycle-pinned = Pinned
lifecycle-move-up = Move up
lifecycle-move-down = Move down
lifecycle-unpin = Unpin
lifecycle-keep = Keep: { $time }
lifecycle-in-days = { $count ->
    [one] In { $count } day
   *[other] In { $count } days
}
lifecycle-in-hours = { $count ->
    [one] In { $count } hour
   *[other] In { $count } hours
}
lifecycle-unarchive = Unarchive
lifecycle-archive = Archive
lifecycle-pin = Pin to profile
lifecycle-unpin-profile = Unpin from profile

## lists

lists-explore = Explore
lists-explore-public-gists = Explore public gists
lists-topic = Topic
lists-loading = Loading…
lists-nobody-has-starred-this-gist = Nobody has starred this gist yet.
lists-sort = Sort:
lists-recently-updated = Recently updated
lists-newest = Newest
lists-no-gists-here-yet = No gists here yet.
lists-previous = ← Previous
lists-next = Next →
lists-tab-gists = Gists
lists-tab-starred = Starred
lists-tab-forks = Forks
lists-topic-title = Topic: { $topic }
lists-stargazers = Stargazers
lists-more-files = { $count ->
    [one] + { $count } more file
   *[other] + { $count } more files
}

## maintenance

maintenance-jobs = Jobs
maintenance-one-job-runs-at-a = One job runs at a time, in the background; leaving or reloading this page does not stop it.
maintenance-no-job-has-run-since = No job has run since the server started.
maintenance-progress = Progress
maintenance-seconds = { $seconds } s
maintenance-minutes = { $minutes } min { $seconds } s
maintenance-state-running = running
maintenance-state-finished = finished
maintenance-state-failed = failed
maintenance-counting = counting…
maintenance-done-of = { $done } of { $total }

## pages

pages-share-code-keep-its-history = Share code, keep its history.
pages-gistful-hosts-snippets-notes-and = Gistful hosts snippets, notes and small files. Every gist is a git repository:
pages-create-a-gist = Create a gist
pages-explore-public-gists = Explore public gists
pages-page-not-found = Page not found
pages-there-is-nothing-here-the = There is nothing here. The gist may have been deleted, or it is private.
pages-go-home = Go home
pages-no-such-page = No such page
pages-go-to-the-first-page = Go to the first page
pages-edit-script-clone = edit it here, script it through a GitHub-compatible API, or clone and push it with git.
pages-list-empty = This list is empty.
pages-list-pages = { $count ->
    [one] This list has only one page.
   *[other] This list has { $count } pages.
}

## preferences

preferences-preferences = Preferences
preferences-theme = Theme
preferences-wrap-long-lines-of-code = Wrap long lines of code (instead of scrolling sideways)
preferences-tab-width = Tab width
preferences-new-gists-start = New gists start
preferences-save-preferences = Save preferences
preferences-saved = Preferences saved.
preferences-theme-system = Same as the system
preferences-theme-light = Light
preferences-theme-dark = Dark
preferences-spaces = { $count ->
    [one] { $count } space
   *[other] { $count } spaces
}

## revisions

revisions-loading = Loading…
revisions-newer = ← Newer
revisions-older = Older →
revisions-revised-this-gist = revised this gist
revisions-large-diff-only-its-start = Large diff: only its start is shown. Compare the whole files:
revisions-before = before
revisions-after = after
revisions-binary-file-changed = Binary file changed.
revisions-title = Revisions of { $title }
revisions-count = { $count ->
    [one] { $count } revision
   *[other] { $count } revisions
}
revisions-status-added = added
revisions-status-deleted = deleted
revisions-status-modified = modified
revisions-status-renamed = renamed

## search

search-search-query = Search query
search-search-gists = Search gists
search-search = Search
search-searching = Searching…
search-sort = Sort:
search-best-match = Best match
search-recently-updated = Recently updated
search-languages = Languages
search-no-gists-match-try-fewer = No gists match. Try fewer words, or remove a qualifier.
search-previous = ← Previous
search-next = Next →
search-words-match-titles-descriptions-file = Words match titles, descriptions, file names and code;
search-and = and
search-match-by-their-parts-too = match by their parts too. Quote a phrase:
search-narrow-with = Narrow with
search-title = Search
search-title-query = { $query } · Search
search-found = { $count ->
    [one] { $count } gist found
   *[other] { $count } gists found
}

## second-factor

second-factor-two-factor-authentication = Two-factor authentication
second-factor-this-sign-in-expired-or = This sign-in expired or was already used.
second-factor-log-in-again = Log in again
second-factor-open-your-authenticator-app-for = Open your authenticator app for the 6-digit code.
second-factor-verify = Verify
second-factor-or = or
second-factor-use-a-passkey = Use a passkey
second-factor-sign-in-with-a-passkey = Sign in with a passkey
second-factor-your-recovery-codes = Your recovery codes.
second-factor-keep-them-somewhere-safe-each = Keep them somewhere safe: each signs you in once if you lose your phone or passkey. They will not be shown again.
second-factor-download = Download
second-factor-this-instance-requires-admins-to = This instance requires admins to have a second factor. Set up an authenticator app or a passkey to continue.
second-factor-authenticator-app = Authenticator app
second-factor-an-authenticator-app-is-set = An authenticator app is set up: signing in with your password asks for its code.
second-factor-remove-the-authenticator-app = Remove the authenticator app
second-factor-passkeys = Passkeys
second-factor-a-passkey-signs-you-in = A passkey signs you in without a password, or as the second step after it.
second-factor-name = Name
second-factor-added = Added
second-factor-last-used = Last used
second-factor-remove = Remove
second-factor-passkey-name = Passkey name
second-factor-e-g-laptop = e.g. laptop
second-factor-keep-them-somewhere-safe-each-2 = Keep them somewhere safe: each signs you in once if you lose your passkey. They will not be shown again.
second-factor-done = Done
second-factor-add-a-passkey = Add a passkey
second-factor-recovery-codes = Recovery codes
second-factor-make-new-recovery-codes = Make new recovery codes
second-factor-use-an-app-such-as = Use an app such as Aegis, 1Password, Google Authenticator or FreeOTP for a 6-digit code at each sign-in.
second-factor-set-up-an-authenticator-app = Set up an authenticator app
second-factor-qr-code-of-the-authenticator = QR code of the authenticator secret
second-factor-scan-the-code-with-your = Scan the code with your app, or type this secret into it:
second-factor-code-from-the-app = Code from the app
second-factor-confirm = Confirm
second-factor-signing-in-as = Signing in as { $username }.
second-factor-code-or-recovery = Authentication code or recovery code
second-factor-recovery-code = Recovery code
second-factor-codes-left = { $count ->
    [one] { $count } of { $total } recovery codes left.
   *[other] { $count } of { $total } recovery codes left.
}
second-factor-remove-named = Remove passkey { $name }

## settings

settings-settings = Settings
settings-loading = Loading…
settings-log-in-to-change-your = Log in to change your settings.
settings-log-in = Log in
settings-profile = Profile
settings-display-name = Display name
settings-email = Email
settings-bio = Bio
settings-show-my-email-address-in = Show my email address in the commits of my gists (otherwise they carry
settings-as-anyone-who-clones-a = , as anyone who clones a public gist can read its commits)
settings-save-profile = Save profile
settings-password = Password
settings-current-password = Current password
settings-new-password = New password
settings-change-password = Change password
settings-delete-account = Delete account
settings-deletes-your-account-your-gists = Deletes your account, your gists and their history. This cannot be undone.
settings-password-to-delete-the-account = Password to delete the account
settings-type-your-username-to-confirm = Type your username to confirm
settings-your-username-to-delete-the = Your username, to delete the account
settings-delete-my-account = Delete my account
settings-access-tokens = Access tokens
settings-tokens-let-scripts-and-github = Tokens let scripts and GitHub clients use the API:
settings-your-new-token-copy-it = Your new token. Copy it now: it will not be shown again.
settings-name = Name
settings-e-g-laptop = e.g. laptop
settings-scopes = Scopes
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Expires
settings-in-30-days = in 30 days
settings-in-90-days = in 90 days
settings-in-a-year = in a year
settings-never = never
settings-create-token = Create token
settings-last-used = Last used
settings-revoke = Revoke
settings-linked-you-can-now-sign = Linked. You can now sign in with it.
settings-sign-in-providers = Sign-in providers
settings-unlink = Unlink
settings-link = Link
settings-username = Username
settings-your-sign-in-provider-chose = Your sign-in provider chose this name. You may change it once.
settings-keep-this-username = Keep this username
settings-profile-saved = Profile saved.
settings-password-changed = Password changed.
settings-not-linked = Not linked
settings-linked-since = Linked since { $date }
settings-unlink-named = Unlink { $name }
settings-link-named = Link { $name }

## ssh-keys

ssh-keys-ssh-keys = SSH keys
ssh-keys-keys-that-clone-and-push = Keys that clone and push your gists over SSH (Ed25519, ECDSA, or RSA of 2048 bits or more).
ssh-keys-name = Name
ssh-keys-fingerprint = Fingerprint
ssh-keys-added = Added
ssh-keys-last-used = Last used
ssh-keys-remove = Remove
ssh-keys-key-name = Key name
ssh-keys-e-g-laptop = e.g. laptop
ssh-keys-public-key = Public key
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... you@laptop (the contents of ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = Add SSH key
ssh-keys-with-these-lines-in = With these lines in
ssh-keys-works = works:
ssh-keys-remove-named = Remove SSH key { $name }

## theme

theme-switch-to-light = Switch to light theme
theme-switch-to-dark = Switch to dark theme
theme-toggle = Toggle theme

## time

time-just-now = just now
time-minutes-ago = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
time-hours-ago = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
time-days-ago = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}
time-months-ago = { $count ->
    [one] { $count } month ago
   *[other] { $count } months ago
}
time-years-ago = { $count ->
    [one] { $count } year ago
   *[other] { $count } years ago
}
time-expires-soon = expires in less than a minute
time-expires-minutes = { $count ->
    [one] expires in { $count } minute
   *[other] expires in { $count } minutes
}
time-expires-hours = { $count ->
    [one] expires in { $count } hour
   *[other] expires in { $count } hours
}
time-expires-days = { $count ->
    [one] expires in { $count } day
   *[other] expires in { $count } days
}

## visibility

visibility-public = public
visibility-unlisted = unlisted
visibility-private = private

## branding

admin-tab-branding = Branding
admin-brand-name = Instance name
admin-brand-name-help = Shown in the header, page titles and embeds. Leave it empty for “Gistful”.
admin-brand-pinned = Set by the configuration file.
admin-brand-links = Footer links
admin-brand-links-help = One per line: Label | https://address (or a path on this site, like /about).
admin-brand-accent = Accent colour
admin-brand-accent-blue = Blue
admin-brand-accent-green = Green
admin-brand-accent-purple = Purple
admin-brand-accent-orange = Orange
admin-brand-accent-red = Red
admin-brand-accent-pink = Pink
admin-brand-accent-teal = Teal
admin-brand-theme = Default theme
admin-brand-sort = Default order of lists
admin-brand-soft-wrap = Wrap long lines of code
admin-brand-soft-wrap-help = For visitors without an account; people choose their own in Settings.
admin-brand-save = Save branding
admin-brand-saved = Branding saved.
admin-brand-logo = Logo
admin-brand-favicon = Favicon
admin-brand-choose-file = Image file
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO or SVG, at most { $kib } KiB.
admin-brand-upload = Upload
admin-brand-remove = Remove
admin-brand-uploaded = Image saved.
admin-brand-none = None yet.
brand-refused-empty = Choose a file first.
brand-refused-too-large = The image is larger than { $kib } KiB.
brand-refused-too-many-pixels = The image is wider or taller than { $pixels } pixels.
brand-refused-not-an-image = That file is not a PNG, JPEG, GIF, WebP, ICO or SVG image.
brand-refused-unsafe-svg = The SVG contains scripts, event handlers or links to other files, so it was refused.

admin-tab-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-user-intro = Addresses told when one of your gists is created, edited, pushed to, deleted, starred, forked or commented on. Each request is signed with your secret (HMAC-SHA256) in
webhooks-instance-intro = Addresses told about every public gist of this instance. Each request is signed with the hook's secret (HMAC-SHA256) in
webhooks-url = Payload URL
webhooks-secret = Secret
webhooks-events = Events
webhooks-add = Add webhook
webhooks-remove = Remove
webhooks-remove-named = Remove the webhook to { $url }
webhooks-deliveries = Recent deliveries
webhooks-none-yet = No deliveries yet.
webhooks-when = When
webhooks-event = Event
webhooks-status = Status
webhooks-response = Answer
webhooks-attempts = Attempts
webhooks-redeliver = Redeliver
webhooks-ping = Ping
webhooks-ping-named = Send a ping to { $url }
webhooks-status-pending = Waiting
webhooks-status-delivered = Delivered
webhooks-status-failed = Failed
