# Gistful українською.

## admin

admin-loading = Завантаження…
admin-admin = Адміністрування
admin-administration = Адміністрування
admin-the-configuration-file-turns-the = Файл конфігурації вимикає API (api.enabled: false); він важливіший за цей перемикач.
admin-save-settings = Зберегти налаштування
admin-could-not-load-the-users = Не вдалося завантажити користувачів.
admin-user = Користувач
admin-email = Ел. пошта
admin-role = Роль
admin-gists = Гісти
admin-joined = З нами від
admin-delete = Видалити
admin-you = ви
admin-could-not-load-the-gists = Не вдалося завантажити гісти.
admin-gist = Гіст
admin-owner = Власник
admin-visibility = Видимість
admin-files = Файли
admin-updated = Оновлено
admin-previous = ← Назад
admin-next = Далі →
admin-consistency-check = Перевірка узгодженості
admin-compares-every-gist-in-the = Порівнює кожен гіст у базі даних з його git-репозиторієм і лише повідомляє; завдання «Перевірити й виправити» вище (або
admin-repairs-safely-while-the-server = ) виправляє, безпечно під час роботи сервера: нічого не видаляє й не чіпає записи, що тривають.
admin-run-consistency-check = Запустити перевірку
admin-tab-settings = Налаштування
admin-tab-users = Користувачі
admin-tab-gists = Гісти
admin-tab-maintenance = Обслуговування
admin-disable-signup = Закрити реєстрацію
admin-disable-signup-help = Ніхто не може зареєструватися; адміністратори створюють облікові записи командою gistful admin create-user.
admin-require-login = Вимагати вхід
admin-require-login-help = Кожна сторінка, виклик API, сирий файл і клон потребують користувача, що увійшов.
admin-allow-individual-gists = Дозволити окремі гісти без входу
admin-allow-individual-gists-help = Разом із «Вимагати вхід»: окремий гіст лишається доступним кожному, хто має посилання.
admin-api-enabled = REST API увімкнено
admin-api-enabled-help = Кінцеві точки /api для скриптів і клієнтів гістів.
admin-require-admin-mfa = Вимагати другий фактор від адміністраторів
admin-require-admin-mfa-help = Адміністраторів без застосунку-автентифікатора чи ключа доступу під час входу відправлять його налаштувати; доти ця панель їм недоступна.
admin-settings-saved = Налаштування збережено.
admin-users-count = { $count ->
    [one] { $count } користувач
    [few] { $count } користувачі
    [many] { $count } користувачів
   *[other] { $count } користувача
}
admin-gists-count = { $count ->
    [one] { $count } гіст
    [few] { $count } гісти
    [many] { $count } гістів
   *[other] { $count } гіста
}
admin-role-admin = Адміністратор
admin-role-user = Користувач
admin-demote = Понизити
admin-make-admin = Зробити адміністратором
admin-confirm-delete-user = Видалити цього користувача з усіма його гістами?
admin-confirm-delete-gist = Видалити цей гіст і його історію?
admin-page-of = Сторінка { $page } з { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] Перевірено { $count } гіст:
    [few] Перевірено { $count } гісти:
    [many] Перевірено { $count } гістів:
   *[other] Перевірено { $count } гіста:
}
admin-consistent = усе узгоджено.
admin-problems-found = знайдено проблеми.
admin-missing-repositories = Відсутні репозиторії
admin-missing-repositories-help = Гісти, чий репозиторій зник.
admin-orphan-repositories = Осиротілі репозиторії
admin-orphan-repositories-help = Репозиторії, на які не посилається жоден гіст.
admin-stale-rows = Застарілі рядки
admin-stale-rows-help = Рядки, що описують іншу ревізію, ніж вершина репозиторію.

## auth

auth-log-in = Увійти
auth-log-in-to-gistful = Вхід до Gistful
auth-username = Ім’я користувача
auth-password = Пароль
auth-new-here = Уперше тут?
auth-create-an-account = Створити обліковий запис
auth-register = Реєстрація
auth-create-your-account = Створіть обліковий запис
auth-email = Ел. пошта
auth-create-account = Створити обліковий запис
auth-already-have-an-account = Уже маєте обліковий запис?
auth-or = або
auth-sign-in-with = Увійти через { $provider }

## comments

comments-comments-are-turned-off-for = Коментарі до цього гіста вимкнено.
comments-comments = Коментарі
comments-no-comments-yet = Коментарів поки немає.
comments-add-a-comment = Додати коментар
comments-markdown-works-here = Тут працює Markdown
comments-comment = Коментувати
comments-log-in = Увійдіть,
comments-to-comment = щоб коментувати.
comments-delete = Видалити
comments-edit-comment = Змінити коментар
comments-save = Зберегти
comments-cancel = Скасувати

## count

count-forks = { $count ->
    [one] { $count } форк
    [few] { $count } форки
    [many] { $count } форків
   *[other] { $count } форка
}
count-stars = { $count ->
    [one] { $count } зірка
    [few] { $count } зірки
    [many] { $count } зірок
   *[other] { $count } зірки
}

## gist

gist-loading = Завантаження…
gist-forked-from = форк від
gist-revisions = Ревізії
gist-download-zip = Завантажити ZIP
gist-log-in-to-star-or = Увійдіть, щоб відзначити чи форкнути
gist-fork = Форкнути
gist-edit = Змінити
gist-delete = Видалити
gist-clone = Клонувати
gist-clone-over = Клонувати через
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Завантажити
gist-view-it-raw = Відкрити як є
gist-raw = Сирий
gist-download = Завантажити
gist-new-gist = Новий гіст
gist-create-a-gist = Створити гіст
gist-log-in-to-create-gists = Увійдіть, щоб створювати гісти.
gist-log-in = Увійти
gist-title = Заголовок
gist-optional = Необов’язково
gist-description = Опис
gist-what-is-this-gist-about = Про що цей гіст?
gist-create-gist = Створити гіст
gist-edit-gist = Змінити гіст
gist-back-to-the-gist = Назад до гіста
gist-log-in-to-edit-your = Увійдіть, щоб змінювати свої гісти.
gist-cancel = Скасувати
gist-save-changes = Зберегти зміни
gist-topics = Теми
gist-e-g-rust-cli-up = напр. rust, cli (до 10)
gist-visibility = Видимість
gist-add-file = Додати файл
gist-filename-including-extension = Ім’я файлу з розширенням…
gist-file-name = Ім’я файлу
gist-language = Мова
gist-remove = Прибрати
gist-binary-file-kept-as-it = Двійковий файл: лишається як є (тут його можна перейменувати чи прибрати).
gist-file-content = Вміст файлу
gist-rendering = Відображення…
gist-size-mb = { $size } МБ
gist-size-kb = { $size } КБ
gist-size-bytes = { $count ->
    [one] { $count } байт
    [few] { $count } байти
    [many] { $count } байтів
   *[other] { $count } байта
}
gist-files-count = { $count ->
    [one] { $count } файл
    [few] { $count } файли
    [many] { $count } файлів
   *[other] { $count } файла
}
gist-embed = Вбудувати
gist-copied = Скопійовано
gist-copy = Копіювати
gist-unstar = ★ Зняти зірку
gist-star = ☆ Відзначити
gist-binary-file = { $count ->
    [one] Двійковий файл, { $count } байт.
    [few] Двійковий файл, { $count } байти.
    [many] Двійковий файл, { $count } байтів.
   *[other] Двійковий файл, { $count } байта.
}
gist-large-file = { $count ->
    [one] Файл великий ({ $size }): показано перший { $count } рядок.
    [few] Файл великий ({ $size }): показано перші { $count } рядки.
    [many] Файл великий ({ $size }): показано перші { $count } рядків.
   *[other] Файл великий ({ $size }): показано перші { $count } рядка.
}
gist-language-auto = Автоматично ({ $language })
gist-preview = Перегляд

## job

job-reindex = Переіндексувати пошук
job-reindex-help = Очищує пошуковий індекс цього сервера й наново індексує кожен гіст; пошук і далі працює та наздоганяє.
job-repack = Перепакувати репозиторії
job-repack-help = Пакує об’єкти кожного репозиторію (git gc) по одному, поки його гіст заблоковано; нічого досяжного не видаляється.
job-repair = Перевірити й виправити
job-repair-help = Порівнює кожен гіст з його репозиторієм: відсталі рядки синхронізуються, репозиторії без гіста переносяться в lost+found, про відсутні повідомляється. Нічого не видаляється.
job-regenerate = Перестворити прев’ю та мови
job-regenerate-help = Переписує прев’ю та мови файлів кожного гіста з його репозиторію за поточними правилами; вершини й дати не змінюються.
job-purge-expired = Видалити прострочені гісти
job-purge-expired-help = Видаляє гісти, чий термін минув (вони вже відповідають усім 404).

## layout

layout-gistful = Gistful
layout-explore = Огляд
layout-search-gists = Пошук гістів
layout-new-gist = Новий гіст
layout-api = API
layout-admin = Адміністрування
layout-settings = Налаштування
layout-log-out = Вийти
layout-log-in = Увійти
layout-register = Реєстрація
layout-language = Мова сайту
layout-change-language = Змінити

## lifecycle

lifecycle-options = Параметри
lifecycle-expires = Спливає
lifecycle-never = Ніколи
lifecycle-at-the-date-below-utc = У дату нижче (UTC)
lifecycle-date-utc = Дата (UTC)
lifecycle-custom-url = Власний URL
lifecycle-e-g-my-notes-optional = напр. my-notes (необов’язково)
lifecycle-comments = Коментарі
lifecycle-read-only = Лише читання
lifecycle-archived = в архіві
lifecycle-pinned-gists = Закріплені гісти
lifecycle-pinned = Закріплені
lifecycle-move-up = Вище
lifecycle-move-down = Нижче
lifecycle-unpin = Відкріпити
lifecycle-keep = Лишити: { $time }
lifecycle-in-days = { $count ->
    [one] Через { $count } день
    [few] Через { $count } дні
    [many] Через { $count } днів
   *[other] Через { $count } дня
}
lifecycle-in-hours = { $count ->
    [one] Через { $count } годину
    [few] Через { $count } години
    [many] Через { $count } годин
   *[other] Через { $count } години
}
lifecycle-unarchive = Повернути з архіву
lifecycle-archive = В архів
lifecycle-pin = Закріпити в профілі
lifecycle-unpin-profile = Відкріпити від профілю

## lists

lists-explore = Огляд
lists-explore-public-gists = Огляд публічних гістів
lists-topic = Тема
lists-loading = Завантаження…
lists-nobody-has-starred-this-gist = Цей гіст ще ніхто не відзначив.
lists-sort = Сортування:
lists-recently-updated = Нещодавно оновлені
lists-newest = Нові
lists-no-gists-here-yet = Тут поки немає гістів.
lists-previous = ← Назад
lists-next = Далі →
lists-tab-gists = Гісти
lists-tab-starred = Відзначені
lists-tab-forks = Форки
lists-topic-title = Тема: { $topic }
lists-stargazers = Хто відзначив
lists-more-files = { $count ->
    [one] + ще { $count } файл
    [few] + ще { $count } файли
    [many] + ще { $count } файлів
   *[other] + ще { $count } файла
}

## maintenance

maintenance-jobs = Завдання
maintenance-one-job-runs-at-a = Одночасно виконується одне завдання, у фоні; вихід зі сторінки чи її перезавантаження його не зупинять.
maintenance-no-job-has-run-since = Від запуску сервера завдання не виконувалися.
maintenance-progress = Поступ
maintenance-seconds = { $seconds } с
maintenance-minutes = { $minutes } хв { $seconds } с
maintenance-state-running = виконується
maintenance-state-finished = завершено
maintenance-state-failed = збій
maintenance-counting = підрахунок…
maintenance-done-of = { $done } з { $total }

## pages

pages-share-code-keep-its-history = Діліться кодом, зберігайте його історію.
pages-gistful-hosts-snippets-notes-and = Gistful зберігає фрагменти коду, нотатки й невеликі файли. Кожен гіст — це git-репозиторій:
pages-create-a-gist = Створити гіст
pages-explore-public-gists = Огляд публічних гістів
pages-page-not-found = Сторінку не знайдено
pages-there-is-nothing-here-the = Тут нічого немає. Можливо, гіст видалено, або він приватний.
pages-go-home = На головну
pages-no-such-page = Такої сторінки немає
pages-go-to-the-first-page = На першу сторінку
pages-edit-script-clone = редагуйте його тут, керуйте скриптами через GitHub-сумісний API або клонуйте й надсилайте через git.
pages-list-empty = Цей список порожній.
pages-list-pages = { $count ->
    [one] У цьому списку { $count } сторінка.
    [few] У цьому списку { $count } сторінки.
    [many] У цьому списку { $count } сторінок.
   *[other] У цьому списку { $count } сторінки.
}

## preferences

preferences-preferences = Уподобання
preferences-theme = Тема оформлення
preferences-wrap-long-lines-of-code = Переносити довгі рядки коду (замість прокручування вбік)
preferences-tab-width = Ширина табуляції
preferences-new-gists-start = Нові гісти спершу
preferences-save-preferences = Зберегти уподобання
preferences-saved = Уподобання збережено.
preferences-theme-system = Як у системі
preferences-theme-light = Світла
preferences-theme-dark = Темна
preferences-spaces = { $count ->
    [one] { $count } пробіл
    [few] { $count } пробіли
    [many] { $count } пробілів
   *[other] { $count } пробілу
}

## revisions

revisions-loading = Завантаження…
revisions-newer = ← Новіші
revisions-older = Старіші →
revisions-revised-this-gist = змінив(ла) цей гіст
revisions-large-diff-only-its-start = Великий diff: показано лише початок. Порівняйте файли повністю:
revisions-before = до
revisions-after = після
revisions-binary-file-changed = Двійковий файл змінено.
revisions-title = Ревізії { $title }
revisions-count = { $count ->
    [one] { $count } ревізія
    [few] { $count } ревізії
    [many] { $count } ревізій
   *[other] { $count } ревізії
}
revisions-status-added = додано
revisions-status-deleted = видалено
revisions-status-modified = змінено
revisions-status-renamed = перейменовано

## search

search-search-query = Пошуковий запит
search-search-gists = Пошук гістів
search-search = Знайти
search-searching = Пошук…
search-sort = Сортування:
search-best-match = За релевантністю
search-recently-updated = Нещодавно оновлені
search-languages = Мови
search-no-gists-match-try-fewer = Нічого не знайдено. Спробуйте менше слів або приберіть уточнення.
search-previous = ← Назад
search-next = Далі →
search-words-match-titles-descriptions-file = Слова шукаються в заголовках, описах, іменах файлів і коді;
search-and = і
search-match-by-their-parts-too = знаходяться й за частинами. Фраза в лапках:
search-narrow-with = Уточнюйте за допомогою
search-title = Пошук
search-title-query = { $query } · Пошук
search-found = { $count ->
    [one] Знайдено { $count } гіст
    [few] Знайдено { $count } гісти
    [many] Знайдено { $count } гістів
   *[other] Знайдено { $count } гіста
}

## second-factor

second-factor-two-factor-authentication = Двофакторна автентифікація
second-factor-this-sign-in-expired-or = Цей вхід сплив або вже використаний.
second-factor-log-in-again = Увійти знову
second-factor-open-your-authenticator-app-for = Відкрийте застосунок-автентифікатор, щоб отримати 6-значний код.
second-factor-verify = Підтвердити
second-factor-or = або
second-factor-use-a-passkey = Використати ключ доступу
second-factor-sign-in-with-a-passkey = Увійти з ключем доступу
second-factor-your-recovery-codes = Ваші коди відновлення.
second-factor-keep-them-somewhere-safe-each = Зберігайте їх у надійному місці: кожен дає змогу увійти один раз, якщо ви втратите телефон чи ключ доступу. Повторно їх не буде показано.
second-factor-download = Завантажити
second-factor-this-instance-requires-admins-to = На цьому сервері адміністраторам потрібен другий фактор. Налаштуйте застосунок-автентифікатор або ключ доступу, щоб продовжити.
second-factor-authenticator-app = Застосунок-автентифікатор
second-factor-an-authenticator-app-is-set = Застосунок-автентифікатор налаштовано: під час входу з паролем запитується його код.
second-factor-remove-the-authenticator-app = Видалити застосунок-автентифікатор
second-factor-passkeys = Ключі доступу
second-factor-a-passkey-signs-you-in = Ключ доступу дає змогу увійти без пароля або як другий крок після нього.
second-factor-name = Назва
second-factor-added = Додано
second-factor-last-used = Востаннє використано
second-factor-remove = Видалити
second-factor-passkey-name = Назва ключа доступу
second-factor-e-g-laptop = напр. ноутбук
second-factor-keep-them-somewhere-safe-each-2 = Зберігайте їх у надійному місці: кожен дає змогу увійти один раз, якщо ви втратите ключ доступу. Повторно їх не буде показано.
second-factor-done = Готово
second-factor-add-a-passkey = Додати ключ доступу
second-factor-recovery-codes = Коди відновлення
second-factor-make-new-recovery-codes = Створити нові коди відновлення
second-factor-use-an-app-such-as = Використовуйте застосунок на кшталт Aegis, 1Password, Google Authenticator чи FreeOTP для 6-значного коду під час кожного входу.
second-factor-set-up-an-authenticator-app = Налаштувати застосунок-автентифікатор
second-factor-qr-code-of-the-authenticator = QR-код секрету автентифікатора
second-factor-scan-the-code-with-your = Відскануйте код застосунком або введіть у нього цей секрет:
second-factor-code-from-the-app = Код із застосунку
second-factor-confirm = Підтвердити
second-factor-signing-in-as = Вхід як { $username }.
second-factor-code-or-recovery = Код автентифікації або код відновлення
second-factor-recovery-code = Код відновлення
second-factor-codes-left = { $count ->
    [one] Лишився { $count } код відновлення з { $total }.
    [few] Лишилося { $count } коди відновлення з { $total }.
    [many] Лишилося { $count } кодів відновлення з { $total }.
   *[other] Лишилося { $count } коду відновлення з { $total }.
}
second-factor-remove-named = Видалити ключ доступу { $name }

## settings

settings-settings = Налаштування
settings-loading = Завантаження…
settings-log-in-to-change-your = Увійдіть, щоб змінити налаштування.
settings-log-in = Увійти
settings-profile = Профіль
settings-display-name = Показуване ім’я
settings-email = Ел. пошта
settings-bio = Про себе
settings-show-my-email-address-in = Показувати мою адресу ел. пошти в комітах моїх гістів (інакше в них стоїть
settings-as-anyone-who-clones-a = , адже будь-хто, хто клонує публічний гіст, може прочитати його коміти)
settings-save-profile = Зберегти профіль
settings-password = Пароль
settings-current-password = Поточний пароль
settings-new-password = Новий пароль
settings-change-password = Змінити пароль
settings-delete-account = Видалення облікового запису
settings-deletes-your-account-your-gists = Видаляє ваш обліковий запис, гісти та їхню історію. Це неможливо скасувати.
settings-password-to-delete-the-account = Пароль для видалення облікового запису
settings-type-your-username-to-confirm = Введіть ім’я користувача для підтвердження
settings-your-username-to-delete-the = Ваше ім’я користувача для видалення облікового запису
settings-delete-my-account = Видалити мій обліковий запис
settings-access-tokens = Токени доступу
settings-tokens-let-scripts-and-github = Токени дають скриптам і клієнтам GitHub доступ до API:
settings-your-new-token-copy-it = Ваш новий токен. Скопіюйте його зараз: повторно його не буде показано.
settings-name = Назва
settings-e-g-laptop = напр. ноутбук
settings-scopes = Права
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Спливає
settings-in-30-days = через 30 днів
settings-in-90-days = через 90 днів
settings-in-a-year = через рік
settings-never = ніколи
settings-create-token = Створити токен
settings-last-used = Востаннє використано
settings-revoke = Відкликати
settings-linked-you-can-now-sign = Прив’язано. Тепер можна входити через нього.
settings-sign-in-providers = Способи входу
settings-unlink = Відв’язати
settings-link = Прив’язати
settings-username = Ім’я користувача
settings-your-sign-in-provider-chose = Це ім’я обрав ваш постачальник входу. Його можна змінити один раз.
settings-keep-this-username = Лишити це ім’я
settings-profile-saved = Профіль збережено.
settings-password-changed = Пароль змінено.
settings-not-linked = Не прив’язано
settings-linked-since = Прив’язано з { $date }
settings-unlink-named = Відв’язати { $name }
settings-link-named = Прив’язати { $name }

## ssh-keys

ssh-keys-ssh-keys = SSH-ключі
ssh-keys-keys-that-clone-and-push = Ключі для клонування й надсилання гістів через SSH (Ed25519, ECDSA або RSA від 2048 біт).
ssh-keys-name = Назва
ssh-keys-fingerprint = Відбиток
ssh-keys-added = Додано
ssh-keys-last-used = Востаннє використано
ssh-keys-remove = Видалити
ssh-keys-key-name = Назва ключа
ssh-keys-e-g-laptop = напр. ноутбук
ssh-keys-public-key = Відкритий ключ
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... you@laptop (вміст ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = Додати SSH-ключ
ssh-keys-with-these-lines-in = З цими рядками в
ssh-keys-works = працює:
ssh-keys-remove-named = Видалити SSH-ключ { $name }

## theme

theme-switch-to-light = Увімкнути світлу тему
theme-switch-to-dark = Увімкнути темну тему
theme-toggle = Змінити тему

## time

time-just-now = щойно
time-minutes-ago = { $count ->
    [one] { $count } хвилину тому
    [few] { $count } хвилини тому
    [many] { $count } хвилин тому
   *[other] { $count } хвилини тому
}
time-hours-ago = { $count ->
    [one] { $count } годину тому
    [few] { $count } години тому
    [many] { $count } годин тому
   *[other] { $count } години тому
}
time-days-ago = { $count ->
    [one] { $count } день тому
    [few] { $count } дні тому
    [many] { $count } днів тому
   *[other] { $count } дня тому
}
time-months-ago = { $count ->
    [one] { $count } місяць тому
    [few] { $count } місяці тому
    [many] { $count } місяців тому
   *[other] { $count } місяця тому
}
time-years-ago = { $count ->
    [one] { $count } рік тому
    [few] { $count } роки тому
    [many] { $count } років тому
   *[other] { $count } року тому
}
time-expires-soon = спливає менш ніж за хвилину
time-expires-minutes = { $count ->
    [one] спливає за { $count } хвилину
    [few] спливає за { $count } хвилини
    [many] спливає за { $count } хвилин
   *[other] спливає за { $count } хвилини
}
time-expires-hours = { $count ->
    [one] спливає за { $count } годину
    [few] спливає за { $count } години
    [many] спливає за { $count } годин
   *[other] спливає за { $count } години
}
time-expires-days = { $count ->
    [one] спливає за { $count } день
    [few] спливає за { $count } дні
    [many] спливає за { $count } днів
   *[other] спливає за { $count } дня
}

## visibility

visibility-public = публічний
visibility-unlisted = за посиланням
visibility-private = приватний

## branding

admin-tab-branding = Оформлення
admin-brand-name = Назва екземпляра
admin-brand-name-help = Показується в шапці, заголовках сторінок і вбудовуваннях. Залиште порожнім для «Gistful».
admin-brand-pinned = Задано файлом конфігурації.
admin-brand-links = Посилання в підвалі
admin-brand-links-help = По одному на рядок: Назва | https://адреса (або шлях на цьому сайті, наприклад /about).
admin-brand-accent = Акцентний колір
admin-brand-accent-blue = Синій
admin-brand-accent-green = Зелений
admin-brand-accent-purple = Фіолетовий
admin-brand-accent-orange = Помаранчевий
admin-brand-accent-red = Червоний
admin-brand-accent-pink = Рожевий
admin-brand-accent-teal = Бірюзовий
admin-brand-theme = Типова тема
admin-brand-sort = Типовий порядок списків
admin-brand-soft-wrap = Переносити довгі рядки коду
admin-brand-soft-wrap-help = Для відвідувачів без облікового запису; інші обирають самі в налаштуваннях.
admin-brand-save = Зберегти оформлення
admin-brand-saved = Оформлення збережено.
admin-brand-logo = Логотип
admin-brand-favicon = Значок сайту
admin-brand-choose-file = Файл зображення
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO або SVG, не більше { $kib } КіБ.
admin-brand-upload = Завантажити
admin-brand-remove = Вилучити
admin-brand-uploaded = Зображення збережено.
admin-brand-none = Поки немає.
brand-refused-empty = Спершу виберіть файл.
brand-refused-too-large = Зображення більше за { $kib } КіБ.
brand-refused-too-many-pixels = Зображення ширше або вище за { $pixels } пікселів.
brand-refused-not-an-image = Цей файл — не зображення PNG, JPEG, GIF, WebP, ICO чи SVG.
brand-refused-unsafe-svg = SVG містить скрипти, обробники подій або посилання на інші файли, тому його відхилено.

admin-tab-webhooks = Вебхуки
webhooks-title = Вебхуки
webhooks-user-intro = Адреси, які отримують сповіщення, коли ваш гіст створюють, редагують, пушать, видаляють, позначають зіркою, форкають або коментують. Кожен запит підписано вашим секретом (HMAC-SHA256) у
webhooks-instance-intro = Адреси, які отримують сповіщення про кожен публічний гіст цього сервера. Кожен запит підписано секретом вебхука (HMAC-SHA256) у
webhooks-url = URL отримувача
webhooks-secret = Секрет
webhooks-events = Події
webhooks-add = Додати вебхук
webhooks-remove = Видалити
webhooks-remove-named = Видалити вебхук на { $url }
webhooks-deliveries = Останні доставки
webhooks-none-yet = Доставок ще немає.
webhooks-when = Коли
webhooks-event = Подія
webhooks-status = Стан
webhooks-response = Відповідь
webhooks-attempts = Спроби
webhooks-redeliver = Доставити знову
webhooks-ping = Перевірити
webhooks-ping-named = Надіслати ping на { $url }
webhooks-status-pending = Очікує
webhooks-status-delivered = Доставлено
webhooks-status-failed = Не вдалося
