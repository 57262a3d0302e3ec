# Gistful 简体中文版。

## admin

admin-loading = 加载中…
admin-admin = 管理
admin-administration = 管理
admin-the-configuration-file-turns-the = 配置文件关闭了 API（api.enabled: false），它优先于此开关。
admin-save-settings = 保存设置
admin-could-not-load-the-users = 无法加载用户。
admin-user = 用户
admin-email = 邮箱
admin-role = 角色
admin-gists = Gist
admin-joined = 注册时间
admin-delete = 删除
admin-you = 你
admin-could-not-load-the-gists = 无法加载 Gist。
admin-gist = Gist
admin-owner = 所有者
admin-visibility = 可见性
admin-files = 文件
admin-updated = 更新时间
admin-previous = ← 上一页
admin-next = 下一页 →
admin-consistency-check = 一致性检查
admin-compares-every-gist-in-the = 将数据库中的每个 Gist 与其 git 仓库比较，只做报告；上面的“检查并修复”任务（或
admin-repairs-safely-while-the-server = ）会修复问题，服务器运行时也安全：它从不删除，也不碰正在进行的写入。
admin-run-consistency-check = 运行一致性检查
admin-tab-settings = 设置
admin-tab-users = 用户
admin-tab-gists = Gist
admin-tab-maintenance = 维护
admin-disable-signup = 关闭注册
admin-disable-signup-help = 任何人都不能注册；管理员用 gistful admin create-user 命令创建账户。
admin-require-login = 要求登录
admin-require-login-help = 每个页面、API 调用、原始文件和克隆都需要已登录的用户。
admin-allow-individual-gists = 允许免登录查看单个 Gist
admin-allow-individual-gists-help = 开启“要求登录”时：持有链接的任何人仍可阅读单个 Gist。
admin-api-enabled = 启用 REST API
admin-api-enabled-help = 供脚本和 Gist 客户端使用的 /api 端点。
admin-require-admin-mfa = 要求管理员使用第二因素
admin-require-admin-mfa-help = 没有身份验证器应用或通行密钥的管理员登录时会被引导去设置，设置前无法使用此面板。
admin-settings-saved = 设置已保存。
admin-users-count = { $count } 个用户
admin-gists-count = { $count } 个 Gist
admin-role-admin = 管理员
admin-role-user = 用户
admin-demote = 降级
admin-make-admin = 设为管理员
admin-confirm-delete-user = 删除此用户及其所有 Gist？
admin-confirm-delete-gist = 删除此 Gist 及其历史？
admin-page-of = 第 { $page } 页，共 { $pages } 页
admin-report-count = { $title }（{ $count }）
admin-checked-gists = 已检查 { $count } 个 Gist：
admin-consistent = 一切一致。
admin-problems-found = 发现问题。
admin-missing-repositories = 缺失的仓库
admin-missing-repositories-help = 仓库已不存在的 Gist。
admin-orphan-repositories = 孤立的仓库
admin-orphan-repositories-help = 没有任何 Gist 指向的仓库。
admin-stale-rows = 过时的记录
admin-stale-rows-help = 描述的修订与仓库最新提交不同的记录。

## auth

auth-log-in = 登录
auth-log-in-to-gistful = 登录 Gistful
auth-username = 用户名
auth-password = 密码
auth-new-here = 第一次来？
auth-create-an-account = 创建账户
auth-register = 注册
auth-create-your-account = 创建你的账户
auth-email = 邮箱
auth-create-account = 创建账户
auth-already-have-an-account = 已有账户？
auth-or = 或
auth-sign-in-with = 使用 { $provider } 登录

## comments

comments-comments-are-turned-off-for = 此 Gist 已关闭评论。
comments-comments = 评论
comments-no-comments-yet = 还没有评论。
comments-add-a-comment = 添加评论
comments-markdown-works-here = 支持 Markdown
comments-comment = 评论
comments-log-in = 登录
comments-to-comment = 后即可评论。
comments-delete = 删除
comments-edit-comment = 编辑评论
comments-save = 保存
comments-cancel = 取消

## count

count-forks = { $count } 个复刻
count-stars = { $count } 个星标

## gist

gist-loading = 加载中…
gist-forked-from = 复刻自
gist-revisions = 修订
gist-download-zip = 下载 ZIP
gist-log-in-to-star-or = 登录后可加星标或复刻
gist-fork = 复刻
gist-edit = 编辑
gist-delete = 删除
gist-clone = 克隆
gist-clone-over = 克隆方式
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = 下载
gist-view-it-raw = 查看原始内容
gist-raw = 原始
gist-download = 下载
gist-new-gist = 新建 Gist
gist-create-a-gist = 创建 Gist
gist-log-in-to-create-gists = 登录后即可创建 Gist。
gist-log-in = 登录
gist-title = 标题
gist-optional = 可选
gist-description = 描述
gist-what-is-this-gist-about = 这个 Gist 是关于什么的？
gist-create-gist = 创建 Gist
gist-edit-gist = 编辑 Gist
gist-back-to-the-gist = 返回 Gist
gist-log-in-to-edit-your = 登录后即可编辑你的 Gist。
gist-cancel = 取消
gist-save-changes = 保存更改
gist-topics = 主题
gist-e-g-rust-cli-up = 例如 rust, cli（最多 10 个）
gist-visibility = 可见性
gist-add-file = 添加文件
gist-filename-including-extension = 包含扩展名的文件名…
gist-file-name = 文件名
gist-language = 语言
gist-remove = 移除
gist-binary-file-kept-as-it = 二进制文件：保持原样（可在此重命名或移除）。
gist-file-content = 文件内容
gist-rendering = 渲染中…
gist-size-mb = { $size } MB
gist-size-kb = { $size } KB
gist-size-bytes = { $count } 字节
gist-files-count = { $count } 个文件
gist-embed = 嵌入
gist-copied = 已复制
gist-copy = 复制
gist-unstar = ★ 取消星标
gist-star = ☆ 加星标
gist-binary-file = 二进制文件，{ $count } 字节。
gist-large-file = 此文件较大（{ $size }）：只显示前 { $count } 行。
gist-language-auto = 自动（{ $language }）
gist-preview = 预览

## job

job-reindex = 重建搜索索引
job-reindex-help = 清空本服务器的搜索索引并重新索引每个 Gist；搜索继续可用，并逐步追上。
job-repack = 重新打包仓库
job-repack-help = 打包每个仓库的对象（git gc），在 Gist 锁定时逐个进行；不会删除任何可达对象。
job-repair = 检查并修复
job-repair-help = 将每个 Gist 与其仓库比较：落后的记录会重新同步，没有 Gist 的仓库移到 lost+found，缺失的仓库会被报告。不删除任何内容。
job-regenerate = 重新生成预览和语言
job-regenerate-help = 按当前规则从仓库重写每个 Gist 的文件预览和语言；最新提交和日期保持不变。
job-purge-expired = 清除过期 Gist
job-purge-expired-help = 删除已过期的 Gist（它们已对所有人返回 404）。

## layout

layout-gistful = Gistful
layout-explore = 发现
layout-search-gists = 搜索 Gist
layout-new-gist = 新建 Gist
layout-api = API
layout-admin = 管理
layout-settings = 设置
layout-log-out = 退出
layout-log-in = 登录
layout-register = 注册
layout-language = 界面语言
layout-change-language = 切换

## lifecycle

lifecycle-options = 选项
lifecycle-expires = 过期时间
lifecycle-never = 永不
lifecycle-at-the-date-below-utc = 下方的日期（UTC）
lifecycle-date-utc = 日期（UTC）
lifecycle-custom-url = 自定义 URL
lifecycle-e-g-my-notes-optional = 例如 my-notes（可选）
lifecycle-comments = 评论
lifecycle-read-only = 只读
lifecycle-archived = 已归档
lifecycle-pinned-gists = 置顶的 Gist
lifecycle-pinned = 置顶
lifecycle-move-up = 上移
lifecycle-move-down = 下移
lifecycle-unpin = 取消置顶
lifecycle-keep = 保持：{ $time }
lifecycle-in-days = { $count } 天后
lifecycle-in-hours = { $count } 小时后
lifecycle-unarchive = 取消归档
lifecycle-archive = 归档
lifecycle-pin = 置顶到个人主页
lifecycle-unpin-profile = 从个人主页取消置顶

## lists

lists-explore = 发现
lists-explore-public-gists = 发现公开的 Gist
lists-topic = 主题
lists-loading = 加载中…
lists-nobody-has-starred-this-gist = 还没有人给这个 Gist 加星标。
lists-sort = 排序：
lists-recently-updated = 最近更新
lists-newest = 最新
lists-no-gists-here-yet = 这里还没有 Gist。
lists-previous = ← 上一页
lists-next = 下一页 →
lists-tab-gists = Gist
lists-tab-starred = 星标
lists-tab-forks = 复刻
lists-topic-title = 主题：{ $topic }
lists-stargazers = 加星标的人
lists-more-files = 另有 { $count } 个文件

## maintenance

maintenance-jobs = 任务
maintenance-one-job-runs-at-a = 同一时间只在后台运行一个任务；离开或刷新此页面不会停止它。
maintenance-no-job-has-run-since = 服务器启动以来还没有运行过任务。
maintenance-progress = 进度
maintenance-seconds = { $seconds } 秒
maintenance-minutes = { $minutes } 分 { $seconds } 秒
maintenance-state-running = 运行中
maintenance-state-finished = 已完成
maintenance-state-failed = 失败
maintenance-counting = 统计中…
maintenance-done-of = { $done } / { $total }

## pages

pages-share-code-keep-its-history = 分享代码，保留它的历史。
pages-gistful-hosts-snippets-notes-and = Gistful 托管代码片段、笔记和小文件。每个 Gist 都是一个 git 仓库：
pages-create-a-gist = 创建 Gist
pages-explore-public-gists = 发现公开的 Gist
pages-page-not-found = 页面未找到
pages-there-is-nothing-here-the = 这里什么都没有。Gist 可能已被删除，或者是私密的。
pages-go-home = 返回首页
pages-no-such-page = 没有这一页
pages-go-to-the-first-page = 前往第一页
pages-edit-script-clone = 在这里编辑，通过兼容 GitHub 的 API 用脚本操作，或用 git 克隆和推送。
pages-list-empty = 此列表为空。
pages-list-pages = 此列表共有 { $count } 页。

## preferences

preferences-preferences = 偏好设置
preferences-theme = 主题
preferences-wrap-long-lines-of-code = 自动换行长代码行（而不是横向滚动）
preferences-tab-width = 制表符宽度
preferences-new-gists-start = 新 Gist 默认为
preferences-save-preferences = 保存偏好设置
preferences-saved = 偏好设置已保存。
preferences-theme-system = 跟随系统
preferences-theme-light = 浅色
preferences-theme-dark = 深色
preferences-spaces = { $count } 个空格

## revisions

revisions-loading = 加载中…
revisions-newer = ← 较新
revisions-older = 较旧 →
revisions-revised-this-gist = 修订了此 Gist
revisions-large-diff-only-its-start = 差异较大：只显示开头。比较完整文件：
revisions-before = 修改前
revisions-after = 修改后
revisions-binary-file-changed = 二进制文件已更改。
revisions-title = { $title } 的修订
revisions-count = { $count } 次修订
revisions-status-added = 新增
revisions-status-deleted = 删除
revisions-status-modified = 修改
revisions-status-renamed = 重命名

## search

search-search-query = 搜索词
search-search-gists = 搜索 Gist
search-search = 搜索
search-searching = 搜索中…
search-sort = 排序：
search-best-match = 最佳匹配
search-recently-updated = 最近更新
search-languages = 语言
search-no-gists-match-try-fewer = 没有匹配的 Gist。试试少用几个词，或去掉一个限定条件。
search-previous = ← 上一页
search-next = 下一页 →
search-words-match-titles-descriptions-file = 词语会匹配标题、描述、文件名和代码；
search-and = 和
search-match-by-their-parts-too = 也会按其组成部分匹配。用引号搜索短语：
search-narrow-with = 用以下条件缩小范围：
search-title = 搜索
search-title-query = { $query } · 搜索
search-found = 找到 { $count } 个 Gist

## second-factor

second-factor-two-factor-authentication = 双因素认证
second-factor-this-sign-in-expired-or = 此次登录已过期或已被使用。
second-factor-log-in-again = 重新登录
second-factor-open-your-authenticator-app-for = 打开身份验证器应用获取 6 位验证码。
second-factor-verify = 验证
second-factor-or = 或
second-factor-use-a-passkey = 使用通行密钥
second-factor-sign-in-with-a-passkey = 使用通行密钥登录
second-factor-your-recovery-codes = 你的恢复码。
second-factor-keep-them-somewhere-safe-each = 请妥善保管：如果丢失手机或通行密钥，每个恢复码可登录一次。它们不会再次显示。
second-factor-download = 下载
second-factor-this-instance-requires-admins-to = 此实例要求管理员使用第二因素。请设置身份验证器应用或通行密钥以继续。
second-factor-authenticator-app = 身份验证器应用
second-factor-an-authenticator-app-is-set = 已设置身份验证器应用：使用密码登录时会要求输入其验证码。
second-factor-remove-the-authenticator-app = 移除身份验证器应用
second-factor-passkeys = 通行密钥
second-factor-a-passkey-signs-you-in = 通行密钥可让你无需密码登录，或作为密码之后的第二步。
second-factor-name = 名称
second-factor-added = 添加时间
second-factor-last-used = 上次使用
second-factor-remove = 移除
second-factor-passkey-name = 通行密钥名称
second-factor-e-g-laptop = 例如 笔记本
second-factor-keep-them-somewhere-safe-each-2 = 请妥善保管：如果丢失通行密钥，每个恢复码可登录一次。它们不会再次显示。
second-factor-done = 完成
second-factor-add-a-passkey = 添加通行密钥
second-factor-recovery-codes = 恢复码
second-factor-make-new-recovery-codes = 生成新的恢复码
second-factor-use-an-app-such-as = 使用 Aegis、1Password、Google Authenticator 或 FreeOTP 等应用，每次登录时输入 6 位验证码。
second-factor-set-up-an-authenticator-app = 设置身份验证器应用
second-factor-qr-code-of-the-authenticator = 身份验证器密钥的二维码
second-factor-scan-the-code-with-your = 用应用扫描二维码，或输入此密钥：
second-factor-code-from-the-app = 应用中的验证码
second-factor-confirm = 确认
second-factor-signing-in-as = 正在以 { $username } 登录。
second-factor-code-or-recovery = 验证码或恢复码
second-factor-recovery-code = 恢复码
second-factor-codes-left = 剩余 { $count } / { $total } 个恢复码。
second-factor-remove-named = 移除通行密钥 { $name }

## settings

settings-settings = 设置
settings-loading = 加载中…
settings-log-in-to-change-your = 登录后即可更改设置。
settings-log-in = 登录
settings-profile = 个人资料
settings-display-name = 显示名称
settings-email = 邮箱
settings-bio = 简介
settings-show-my-email-address-in = 在我的 Gist 提交中显示邮箱地址（否则使用
settings-as-anyone-who-clones-a = ，因为任何克隆公开 Gist 的人都能读到提交）
settings-save-profile = 保存个人资料
settings-password = 密码
settings-current-password = 当前密码
settings-new-password = 新密码
settings-change-password = 修改密码
settings-delete-account = 删除账户
settings-deletes-your-account-your-gists = 删除你的账户、Gist 及其历史。此操作无法撤销。
settings-password-to-delete-the-account = 用于删除账户的密码
settings-type-your-username-to-confirm = 输入你的用户名以确认
settings-your-username-to-delete-the = 用于删除账户的用户名
settings-delete-my-account = 删除我的账户
settings-access-tokens = 访问令牌
settings-tokens-let-scripts-and-github = 令牌让脚本和 GitHub 客户端可以使用 API：
settings-your-new-token-copy-it = 你的新令牌。请立即复制：它不会再次显示。
settings-name = 名称
settings-e-g-laptop = 例如 笔记本
settings-scopes = 权限范围
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = 过期时间
settings-in-30-days = 30 天后
settings-in-90-days = 90 天后
settings-in-a-year = 一年后
settings-never = 永不
settings-create-token = 创建令牌
settings-last-used = 上次使用
settings-revoke = 撤销
settings-linked-you-can-now-sign = 已关联。现在可以用它登录了。
settings-sign-in-providers = 登录提供方
settings-unlink = 取消关联
settings-link = 关联
settings-username = 用户名
settings-your-sign-in-provider-chose = 此用户名由你的登录提供方选择。你可以修改一次。
settings-keep-this-username = 保留此用户名
settings-profile-saved = 个人资料已保存。
settings-password-changed = 密码已修改。
settings-not-linked = 未关联
settings-linked-since = 自 { $date } 起关联
settings-unlink-named = 取消关联 { $name }
settings-link-named = 关联 { $name }

## ssh-keys

ssh-keys-ssh-keys = SSH 密钥
ssh-keys-keys-that-clone-and-push = 通过 SSH 克隆和推送 Gist 的密钥（Ed25519、ECDSA，或 2048 位及以上的 RSA）。
ssh-keys-name = 名称
ssh-keys-fingerprint = 指纹
ssh-keys-added = 添加时间
ssh-keys-last-used = 上次使用
ssh-keys-remove = 移除
ssh-keys-key-name = 密钥名称
ssh-keys-e-g-laptop = 例如 笔记本
ssh-keys-public-key = 公钥
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... you@laptop（~/.ssh/id_ed25519.pub 的内容）
ssh-keys-add-ssh-key = 添加 SSH 密钥
ssh-keys-with-these-lines-in = 在
ssh-keys-works = 中写入以下几行后即可使用：
ssh-keys-remove-named = 移除 SSH 密钥 { $name }

## theme

theme-switch-to-light = 切换到浅色主题
theme-switch-to-dark = 切换到深色主题
theme-toggle = 切换主题

## time

time-just-now = 刚刚
time-minutes-ago = { $count } 分钟前
time-hours-ago = { $count } 小时前
time-days-ago = { $count } 天前
time-months-ago = { $count } 个月前
time-years-ago = { $count } 年前
time-expires-soon = 不到一分钟后过期
time-expires-minutes = { $count } 分钟后过期
time-expires-hours = { $count } 小时后过期
time-expires-days = { $count } 天后过期

## visibility

visibility-public = 公开
visibility-unlisted = 不公开列出
visibility-private = 私密

## branding

admin-tab-branding = 品牌
admin-brand-name = 实例名称
admin-brand-name-help = 显示在页眉、页面标题和嵌入中。留空则为“Gistful”。
admin-brand-pinned = 由配置文件设定。
admin-brand-links = 页脚链接
admin-brand-links-help = 每行一个：标签 | https://地址（或本站路径，如 /about）
admin-brand-accent = 强调色
admin-brand-accent-blue = 蓝色
admin-brand-accent-green = 绿色
admin-brand-accent-purple = 紫色
admin-brand-accent-orange = 橙色
admin-brand-accent-red = 红色
admin-brand-accent-pink = 粉色
admin-brand-accent-teal = 青色
admin-brand-theme = 默认主题
admin-brand-sort = 列表的默认排序
admin-brand-soft-wrap = 长代码行自动换行
admin-brand-soft-wrap-help = 适用于没有账户的访客；其他人在设置中自行选择。
admin-brand-save = 保存品牌设置
admin-brand-saved = 品牌设置已保存。
admin-brand-logo = 标志
admin-brand-favicon = 网站图标
admin-brand-choose-file = 图片文件
admin-brand-image-help = PNG、JPEG、GIF、WebP、ICO 或 SVG，最大 { $kib } KiB。
admin-brand-upload = 上传
admin-brand-remove = 移除
admin-brand-uploaded = 图片已保存。
admin-brand-none = 尚未设置。
brand-refused-empty = 请先选择文件。
brand-refused-too-large = 图片超过 { $kib } KiB。
brand-refused-too-many-pixels = 图片的宽度或高度超过 { $pixels } 像素。
brand-refused-not-an-image = 该文件不是 PNG、JPEG、GIF、WebP、ICO 或 SVG 图片。
brand-refused-unsafe-svg = 该 SVG 含有脚本、事件处理程序或指向其他文件的链接，已被拒绝。

admin-tab-webhooks = Webhook
webhooks-title = Webhook
webhooks-user-intro = 当你的 Gist 被创建、编辑、推送、删除、加星、派生或评论时通知的地址。每个请求都用你的密钥 (HMAC-SHA256) 签名于
webhooks-instance-intro = 本实例每个公开 Gist 的事件都会通知的地址。每个请求都用该 Webhook 的密钥 (HMAC-SHA256) 签名于
webhooks-url = 推送地址
webhooks-secret = 密钥
webhooks-events = 事件
webhooks-add = 添加 Webhook
webhooks-remove = 移除
webhooks-remove-named = 移除发往 { $url } 的 Webhook
webhooks-deliveries = 最近的投递
webhooks-none-yet = 还没有投递。
webhooks-when = 时间
webhooks-event = 事件
webhooks-status = 状态
webhooks-response = 应答
webhooks-attempts = 尝试次数
webhooks-redeliver = 重新投递
webhooks-ping = 发送 Ping
webhooks-ping-named = 向 { $url } 发送 Ping
webhooks-status-pending = 等待中
webhooks-status-delivered = 已投递
webhooks-status-failed = 失败
