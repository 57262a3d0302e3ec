# Gistful 日本語版。

## admin

admin-loading = 読み込み中…
admin-admin = 管理
admin-administration = 管理
admin-the-configuration-file-turns-the = 設定ファイルで API が無効になっています（api.enabled: false）。このスイッチより設定ファイルが優先されます。
admin-save-settings = 設定を保存
admin-could-not-load-the-users = ユーザーを読み込めませんでした。
admin-user = ユーザー
admin-email = メール
admin-role = 役割
admin-gists = Gist
admin-joined = 登録日
admin-delete = 削除
admin-you = あなた
admin-could-not-load-the-gists = Gist を読み込めませんでした。
admin-gist = Gist
admin-owner = 所有者
admin-visibility = 公開範囲
admin-files = ファイル
admin-updated = 更新
admin-previous = ← 前へ
admin-next = 次へ →
admin-consistency-check = 整合性チェック
admin-compares-every-gist-in-the = データベースのすべての Gist を git リポジトリと比較し、報告だけを行います。上の「確認と修復」ジョブ（または
admin-repairs-safely-while-the-server = ）は、サーバー稼働中でも安全に修復します。削除は一切行わず、書き込み中のものには触れません。
admin-run-consistency-check = 整合性チェックを実行
admin-tab-settings = 設定
admin-tab-users = ユーザー
admin-tab-gists = Gist
admin-tab-maintenance = メンテナンス
admin-disable-signup = 新規登録を停止
admin-disable-signup-help = 誰も登録できません。管理者は gistful admin create-user コマンドでアカウントを作成します。
admin-require-login = ログインを必須にする
admin-require-login-help = すべてのページ、API 呼び出し、生ファイル、クローンにログインが必要になります。
admin-allow-individual-gists = 個別の Gist はログインなしで許可
admin-allow-individual-gists-help = 「ログインを必須にする」と併用すると、リンクを知っている人は個々の Gist を読めます。
admin-api-enabled = REST API を有効化
admin-api-enabled-help = スクリプトや Gist クライアント向けの /api エンドポイント。
admin-require-admin-mfa = 管理者に二要素認証を必須にする
admin-require-admin-mfa-help = 認証アプリもパスキーもない管理者はログイン時に設定を求められ、設定するまでこのパネルを使えません。
admin-settings-saved = 設定を保存しました。
admin-users-count = { $count } 人のユーザー
admin-gists-count = { $count } 件の Gist
admin-role-admin = 管理者
admin-role-user = ユーザー
admin-demote = 降格
admin-make-admin = 管理者にする
admin-confirm-delete-user = このユーザーとそのすべての Gist を削除しますか？
admin-confirm-delete-gist = この Gist と履歴を削除しますか？
admin-page-of = { $page } / { $pages } ページ
admin-report-count = { $title }（{ $count }）
admin-checked-gists = { $count } 件の Gist を確認：
admin-consistent = すべて整合しています。
admin-problems-found = 問題が見つかりました。
admin-missing-repositories = 見つからないリポジトリ
admin-missing-repositories-help = リポジトリが失われた Gist。
admin-orphan-repositories = 孤立したリポジトリ
admin-orphan-repositories-help = どの Gist からも参照されていないリポジトリ。
admin-stale-rows = 古い行
admin-stale-rows-help = リポジトリの最新とは別のリビジョンを示している行。

## auth

auth-log-in = ログイン
auth-log-in-to-gistful = Gistful にログイン
auth-username = ユーザー名
auth-password = パスワード
auth-new-here = はじめての方は
auth-create-an-account = アカウントを作成
auth-register = 登録
auth-create-your-account = アカウントを作成
auth-email = メール
auth-create-account = アカウントを作成
auth-already-have-an-account = すでにアカウントをお持ちですか？
auth-or = または
auth-sign-in-with = { $provider } でログイン

## comments

comments-comments-are-turned-off-for = この Gist ではコメントが無効になっています。
comments-comments = コメント
comments-no-comments-yet = まだコメントはありません。
comments-add-a-comment = コメントを追加
comments-markdown-works-here = Markdown が使えます
comments-comment = コメントする
comments-log-in = ログイン
comments-to-comment = してコメントする。
comments-delete = 削除
comments-edit-comment = コメントを編集
comments-save = 保存
comments-cancel = キャンセル

## count

count-forks = { $count } フォーク
count-stars = { $count } スター

## gist

gist-loading = 読み込み中…
gist-forked-from = フォーク元
gist-revisions = リビジョン
gist-download-zip = ZIP をダウンロード
gist-log-in-to-star-or = ログインしてスターやフォーク
gist-fork = フォーク
gist-edit = 編集
gist-delete = 削除
gist-clone = クローン
gist-clone-over = クローン方式
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = ダウンロード
gist-view-it-raw = 生データを見る
gist-raw = 生データ
gist-download = ダウンロード
gist-new-gist = 新しい Gist
gist-create-a-gist = Gist を作成
gist-log-in-to-create-gists = Gist を作成するにはログインしてください。
gist-log-in = ログイン
gist-title = タイトル
gist-optional = 任意
gist-description = 説明
gist-what-is-this-gist-about = この Gist は何についてのものですか？
gist-create-gist = Gist を作成
gist-edit-gist = Gist を編集
gist-back-to-the-gist = Gist に戻る
gist-log-in-to-edit-your = Gist を編集するにはログインしてください。
gist-cancel = キャンセル
gist-save-changes = 変更を保存
gist-topics = トピック
gist-e-g-rust-cli-up = 例: rust, cli（10 個まで）
gist-visibility = 公開範囲
gist-add-file = ファイルを追加
gist-filename-including-extension = 拡張子を含むファイル名…
gist-file-name = ファイル名
gist-language = 言語
gist-remove = 削除
gist-binary-file-kept-as-it = バイナリファイル：そのまま保持されます（ここで名前の変更か削除ができます）。
gist-file-content = ファイルの内容
gist-rendering = 表示を準備中…
gist-size-mb = { $size } MB
gist-size-kb = { $size } KB
gist-size-bytes = { $count } バイト
gist-files-count = { $count } ファイル
gist-embed = 埋め込み
gist-copied = コピーしました
gist-copy = コピー
gist-unstar = ★ スターを外す
gist-star = ☆ スター
gist-binary-file = バイナリファイル、{ $count } バイト。
gist-large-file = このファイルは大きいため（{ $size }）、最初の { $count } 行だけを表示しています。
gist-language-auto = 自動（{ $language }）
gist-preview = プレビュー

## job

job-reindex = 検索インデックスを再構築
job-reindex-help = このサーバーの検索インデックスを空にしてすべての Gist を再登録します。検索は使い続けられ、順次追いつきます。
job-repack = リポジトリを再パック
job-repack-help = 各リポジトリのオブジェクトをパックします（git gc）。Gist をロックして 1 つずつ行い、到達可能なものは削除しません。
job-repair = 確認と修復
job-repair-help = 各 Gist をリポジトリと比較します。遅れている行は再同期し、Gist のないリポジトリは lost+found に移し、見つからないリポジトリは報告します。何も削除しません。
job-regenerate = プレビューと言語を再生成
job-regenerate-help = 各 Gist のファイルのプレビューと言語を現在のルールでリポジトリから書き直します。最新コミットと日付は変わりません。
job-purge-expired = 期限切れの Gist を削除
job-purge-expired-help = 有効期限を過ぎた Gist を削除します（すでに誰に対しても 404 を返しています）。

## layout

layout-gistful = Gistful
layout-explore = 探す
layout-search-gists = Gist を検索
layout-new-gist = 新しい Gist
layout-api = API
layout-admin = 管理
layout-settings = 設定
layout-log-out = ログアウト
layout-log-in = ログイン
layout-register = 登録
layout-language = 表示言語
layout-change-language = 変更

## lifecycle

lifecycle-options = オプション
lifecycle-expires = 有効期限
lifecycle-never = なし
lifecycle-at-the-date-below-utc = 下の日時（UTC）
lifecycle-date-utc = 日時（UTC）
lifecycle-custom-url = カスタム URL
lifecycle-e-g-my-notes-optional = 例: my-notes（任意）
lifecycle-comments = コメント
lifecycle-read-only = 読み取り専用
lifecycle-archived = アーカイブ済み
lifecycle-pinned-gists = ピン留めした Gist
lifecycle-pinned = ピン留め
lifecycle-move-up = 上へ
lifecycle-move-down = 下へ
lifecycle-unpin = ピンを外す
lifecycle-keep = 維持: { $time }
lifecycle-in-days = { $count } 日後
lifecycle-in-hours = { $count } 時間後
lifecycle-unarchive = アーカイブを解除
lifecycle-archive = アーカイブ
lifecycle-pin = プロフィールにピン留め
lifecycle-unpin-profile = プロフィールから外す

## lists

lists-explore = 探す
lists-explore-public-gists = 公開 Gist を探す
lists-topic = トピック
lists-loading = 読み込み中…
lists-nobody-has-starred-this-gist = この Gist にはまだ誰もスターを付けていません。
lists-sort = 並べ替え:
lists-recently-updated = 最近更新
lists-newest = 新しい順
lists-no-gists-here-yet = まだ Gist はありません。
lists-previous = ← 前へ
lists-next = 次へ →
lists-tab-gists = Gist
lists-tab-starred = スター付き
lists-tab-forks = フォーク
lists-topic-title = トピック: { $topic }
lists-stargazers = スターを付けた人
lists-more-files = ほか { $count } ファイル

## maintenance

maintenance-jobs = ジョブ
maintenance-one-job-runs-at-a = ジョブは一度に 1 つずつバックグラウンドで実行されます。このページを離れたり再読み込みしても止まりません。
maintenance-no-job-has-run-since = サーバー起動後、まだジョブは実行されていません。
maintenance-progress = 進行状況
maintenance-seconds = { $seconds } 秒
maintenance-minutes = { $minutes } 分 { $seconds } 秒
maintenance-state-running = 実行中
maintenance-state-finished = 完了
maintenance-state-failed = 失敗
maintenance-counting = 集計中…
maintenance-done-of = { $done } / { $total }

## pages

pages-share-code-keep-its-history = コードを共有し、その履歴を残そう。
pages-gistful-hosts-snippets-notes-and = Gistful はスニペット、メモ、小さなファイルを置く場所です。どの Gist も git リポジトリです。
pages-create-a-gist = Gist を作成
pages-explore-public-gists = 公開 Gist を探す
pages-page-not-found = ページが見つかりません
pages-there-is-nothing-here-the = ここには何もありません。Gist が削除されたか、非公開です。
pages-go-home = ホームへ
pages-no-such-page = そのページはありません
pages-go-to-the-first-page = 最初のページへ
pages-edit-script-clone = ここで編集し、GitHub 互換 API でスクリプトから操作し、git でクローンやプッシュもできます。
pages-list-empty = このリストは空です。
pages-list-pages = このリストは { $count } ページです。

## preferences

preferences-preferences = 表示設定
preferences-theme = テーマ
preferences-wrap-long-lines-of-code = 長いコード行を折り返す（横スクロールの代わりに）
preferences-tab-width = タブ幅
preferences-new-gists-start = 新しい Gist の初期設定
preferences-save-preferences = 表示設定を保存
preferences-saved = 表示設定を保存しました。
preferences-theme-system = システムに合わせる
preferences-theme-light = ライト
preferences-theme-dark = ダーク
preferences-spaces = スペース { $count } 個

## revisions

revisions-loading = 読み込み中…
revisions-newer = ← 新しい
revisions-older = 古い →
revisions-revised-this-gist = がこの Gist を改訂
revisions-large-diff-only-its-start = 大きな差分のため、先頭だけを表示しています。ファイル全体を比較:
revisions-before = 変更前
revisions-after = 変更後
revisions-binary-file-changed = バイナリファイルが変更されました。
revisions-title = { $title } のリビジョン
revisions-count = { $count } リビジョン
revisions-status-added = 追加
revisions-status-deleted = 削除
revisions-status-modified = 変更
revisions-status-renamed = 名前変更

## search

search-search-query = 検索語
search-search-gists = Gist を検索
search-search = 検索
search-searching = 検索中…
search-sort = 並べ替え:
search-best-match = 関連度順
search-recently-updated = 最近更新
search-languages = 言語
search-no-gists-match-try-fewer = 一致する Gist はありません。語を減らすか、条件を外してください。
search-previous = ← 前へ
search-next = 次へ →
search-words-match-titles-descriptions-file = 語はタイトル、説明、ファイル名、コードに一致します。
search-and = と
search-match-by-their-parts-too = は部分でも一致します。語句は引用符で囲みます:
search-narrow-with = 絞り込み:
search-title = 検索
search-title-query = { $query } · 検索
search-found = { $count } 件の Gist が見つかりました

## second-factor

second-factor-two-factor-authentication = 二要素認証
second-factor-this-sign-in-expired-or = このログインは期限切れか、すでに使われています。
second-factor-log-in-again = もう一度ログイン
second-factor-open-your-authenticator-app-for = 認証アプリを開いて 6 桁のコードを確認してください。
second-factor-verify = 確認
second-factor-or = または
second-factor-use-a-passkey = パスキーを使う
second-factor-sign-in-with-a-passkey = パスキーでログイン
second-factor-your-recovery-codes = リカバリーコード。
second-factor-keep-them-somewhere-safe-each = 安全な場所に保管してください。電話やパスキーをなくしたとき、各コードで 1 回ログインできます。再表示はされません。
second-factor-download = ダウンロード
second-factor-this-instance-requires-admins-to = このインスタンスでは管理者に二要素認証が必要です。続けるには認証アプリかパスキーを設定してください。
second-factor-authenticator-app = 認証アプリ
second-factor-an-authenticator-app-is-set = 認証アプリが設定されています。パスワードでのログイン時にコードを求めます。
second-factor-remove-the-authenticator-app = 認証アプリを削除
second-factor-passkeys = パスキー
second-factor-a-passkey-signs-you-in = パスキーがあればパスワードなしで、またはパスワードの次の手順としてログインできます。
second-factor-name = 名前
second-factor-added = 追加日
second-factor-last-used = 最終使用
second-factor-remove = 削除
second-factor-passkey-name = パスキーの名前
second-factor-e-g-laptop = 例: ノート PC
second-factor-keep-them-somewhere-safe-each-2 = 安全な場所に保管してください。パスキーをなくしたとき、各コードで 1 回ログインできます。再表示はされません。
second-factor-done = 完了
second-factor-add-a-passkey = パスキーを追加
second-factor-recovery-codes = リカバリーコード
second-factor-make-new-recovery-codes = 新しいリカバリーコードを作成
second-factor-use-an-app-such-as = Aegis、1Password、Google Authenticator、FreeOTP などのアプリで、ログインごとに 6 桁のコードを使います。
second-factor-set-up-an-authenticator-app = 認証アプリを設定
second-factor-qr-code-of-the-authenticator = 認証用シークレットの QR コード
second-factor-scan-the-code-with-your = アプリでコードを読み取るか、このシークレットを入力してください:
second-factor-code-from-the-app = アプリのコード
second-factor-confirm = 確定
second-factor-signing-in-as = { $username } としてログインしています。
second-factor-code-or-recovery = 認証コードまたはリカバリーコード
second-factor-recovery-code = リカバリーコード
second-factor-codes-left = リカバリーコードは残り { $count } / { $total } 個です。
second-factor-remove-named = パスキー { $name } を削除

## settings

settings-settings = 設定
settings-loading = 読み込み中…
settings-log-in-to-change-your = 設定を変更するにはログインしてください。
settings-log-in = ログイン
settings-profile = プロフィール
settings-display-name = 表示名
settings-email = メール
settings-bio = 自己紹介
settings-show-my-email-address-in = Gist のコミットにメールアドレスを表示する（表示しない場合は
settings-as-anyone-who-clones-a = を使います。公開 Gist をクローンすれば誰でもコミットを読めるためです）
settings-save-profile = プロフィールを保存
settings-password = パスワード
settings-current-password = 現在のパスワード
settings-new-password = 新しいパスワード
settings-change-password = パスワードを変更
settings-delete-account = アカウントの削除
settings-deletes-your-account-your-gists = アカウント、Gist、その履歴を削除します。元に戻せません。
settings-password-to-delete-the-account = アカウント削除のためのパスワード
settings-type-your-username-to-confirm = 確認のためユーザー名を入力
settings-your-username-to-delete-the = アカウント削除のためのユーザー名
settings-delete-my-account = アカウントを削除
settings-access-tokens = アクセストークン
settings-tokens-let-scripts-and-github = トークンを使うと、スクリプトや GitHub クライアントが API を利用できます:
settings-your-new-token-copy-it = 新しいトークンです。今すぐコピーしてください。再表示はされません。
settings-name = 名前
settings-e-g-laptop = 例: ノート PC
settings-scopes = スコープ
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = 有効期限
settings-in-30-days = 30 日後
settings-in-90-days = 90 日後
settings-in-a-year = 1 年後
settings-never = なし
settings-create-token = トークンを作成
settings-last-used = 最終使用
settings-revoke = 取り消す
settings-linked-you-can-now-sign = 連携しました。これでログインできます。
settings-sign-in-providers = ログインプロバイダー
settings-unlink = 連携を解除
settings-link = 連携
settings-username = ユーザー名
settings-your-sign-in-provider-chose = ログインプロバイダーがこの名前を選びました。一度だけ変更できます。
settings-keep-this-username = このユーザー名のままにする
settings-profile-saved = プロフィールを保存しました。
settings-password-changed = パスワードを変更しました。
settings-not-linked = 未連携
settings-linked-since = { $date } から連携
settings-unlink-named = { $name } の連携を解除
settings-link-named = { $name } と連携

## ssh-keys

ssh-keys-ssh-keys = SSH キー
ssh-keys-keys-that-clone-and-push = SSH で Gist をクローン・プッシュするためのキー（Ed25519、ECDSA、または 2048 ビット以上の RSA）。
ssh-keys-name = 名前
ssh-keys-fingerprint = フィンガープリント
ssh-keys-added = 追加日
ssh-keys-last-used = 最終使用
ssh-keys-remove = 削除
ssh-keys-key-name = キーの名前
ssh-keys-e-g-laptop = 例: ノート PC
ssh-keys-public-key = 公開鍵
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... you@laptop（~/.ssh/id_ed25519.pub の内容）
ssh-keys-add-ssh-key = SSH キーを追加
ssh-keys-with-these-lines-in = 次の行を
ssh-keys-works = に書けば使えます:
ssh-keys-remove-named = SSH キー { $name } を削除

## theme

theme-switch-to-light = ライトテーマに切り替え
theme-switch-to-dark = ダークテーマに切り替え
theme-toggle = テーマを切り替え

## time

time-just-now = たった今
time-minutes-ago = { $count } 分前
time-hours-ago = { $count } 時間前
time-days-ago = { $count } 日前
time-months-ago = { $count } か月前
time-years-ago = { $count } 年前
time-expires-soon = 1 分以内に期限切れ
time-expires-minutes = { $count } 分後に期限切れ
time-expires-hours = { $count } 時間後に期限切れ
time-expires-days = { $count } 日後に期限切れ

## visibility

visibility-public = 公開
visibility-unlisted = 限定公開
visibility-private = 非公開

## branding

admin-tab-branding = ブランディング
admin-brand-name = インスタンス名
admin-brand-name-help = ヘッダー、ページタイトル、埋め込みに表示されます。空欄なら「Gistful」です。
admin-brand-pinned = 設定ファイルで指定されています。
admin-brand-links = フッターのリンク
admin-brand-links-help = 1 行に 1 つ：ラベル | https://アドレス（または /about のようなこのサイトのパス）
admin-brand-accent = アクセントカラー
admin-brand-accent-blue = 青
admin-brand-accent-green = 緑
admin-brand-accent-purple = 紫
admin-brand-accent-orange = オレンジ
admin-brand-accent-red = 赤
admin-brand-accent-pink = ピンク
admin-brand-accent-teal = ティール
admin-brand-theme = 既定のテーマ
admin-brand-sort = リストの既定の並び順
admin-brand-soft-wrap = 長いコード行を折り返す
admin-brand-soft-wrap-help = アカウントのない訪問者向けです。各自は設定で選べます。
admin-brand-save = ブランディングを保存
admin-brand-saved = ブランディングを保存しました。
admin-brand-logo = ロゴ
admin-brand-favicon = ファビコン
admin-brand-choose-file = 画像ファイル
admin-brand-image-help = PNG、JPEG、GIF、WebP、ICO、SVG（{ $kib } KiB まで）
admin-brand-upload = アップロード
admin-brand-remove = 削除
admin-brand-uploaded = 画像を保存しました。
admin-brand-none = まだありません。
brand-refused-empty = 先にファイルを選んでください。
brand-refused-too-large = 画像が { $kib } KiB を超えています。
brand-refused-too-many-pixels = 画像の幅か高さが { $pixels } ピクセルを超えています。
brand-refused-not-an-image = このファイルは PNG、JPEG、GIF、WebP、ICO、SVG 画像ではありません。
brand-refused-unsafe-svg = SVG にスクリプト、イベントハンドラー、または他のファイルへのリンクが含まれているため拒否しました。

admin-tab-webhooks = Webhook
webhooks-title = Webhook
webhooks-user-intro = あなたの Gist が作成・編集・プッシュ・削除・スター・フォーク・コメントされたときに通知するアドレス。各リクエストはあなたのシークレット (HMAC-SHA256) で署名されます:
webhooks-instance-intro = このインスタンスのすべての公開 Gist について通知するアドレス。各リクエストは Webhook のシークレット (HMAC-SHA256) で署名されます:
webhooks-url = 送信先 URL
webhooks-secret = シークレット
webhooks-events = イベント
webhooks-add = Webhook を追加
webhooks-remove = 削除
webhooks-remove-named = { $url } への Webhook を削除
webhooks-deliveries = 最近の配信
webhooks-none-yet = まだ配信はありません。
webhooks-when = 日時
webhooks-event = イベント
webhooks-status = 状態
webhooks-response = 応答
webhooks-attempts = 試行回数
webhooks-redeliver = 再配信
webhooks-ping = Ping を送信
webhooks-ping-named = { $url } に Ping を送信
webhooks-status-pending = 待機中
webhooks-status-delivered = 配信済み
webhooks-status-failed = 失敗
