# Gistful по-русски.

## admin

admin-loading = Загрузка…
admin-admin = Администрирование
admin-administration = Администрирование
admin-the-configuration-file-turns-the = Файл конфигурации отключает API (api.enabled: false); он важнее этого переключателя.
admin-save-settings = Сохранить настройки
admin-could-not-load-the-users = Не удалось загрузить пользователей.
admin-user = Пользователь
admin-email = Эл. почта
admin-role = Роль
admin-gists = Гисты
admin-joined = С нами с
admin-delete = Удалить
admin-you = вы
admin-could-not-load-the-gists = Не удалось загрузить гисты.
admin-gist = Гист
admin-owner = Владелец
admin-visibility = Видимость
admin-files = Файлы
admin-updated = Обновлён
admin-previous = ← Назад
admin-next = Вперёд →
admin-consistency-check = Проверка согласованности
admin-compares-every-gist-in-the = Сравнивает каждый гист в базе данных с его git-репозиторием и только сообщает; задача «Проверить и исправить» выше (или
admin-repairs-safely-while-the-server = ) исправляет, безопасно при работающем сервере: она ничего не удаляет и не трогает идущие записи.
admin-run-consistency-check = Запустить проверку
admin-tab-settings = Настройки
admin-tab-users = Пользователи
admin-tab-gists = Гисты
admin-tab-maintenance = Обслуживание
admin-disable-signup = Закрыть регистрацию
admin-disable-signup-help = Никто не может зарегистрироваться; администраторы создают учётные записи командой gistful admin create-user.
admin-require-login = Требовать вход
admin-require-login-help = Каждая страница, вызов API, исходный файл и клон требуют вошедшего пользователя.
admin-allow-individual-gists = Разрешить отдельные гисты без входа
admin-allow-individual-gists-help = Вместе с «Требовать вход»: отдельный гист остаётся доступен всем, у кого есть ссылка.
admin-api-enabled = REST API включён
admin-api-enabled-help = Конечные точки /api для скриптов и клиентов гистов.
admin-require-admin-mfa = Требовать второй фактор от администраторов
admin-require-admin-mfa-help = Администраторов без приложения-аутентификатора или ключа доступа при входе отправят его настроить; до этого панель им недоступна.
admin-settings-saved = Настройки сохранены.
admin-users-count = { $count ->
    [one] { $count } пользователь
    [few] { $count } пользователя
    [many] { $count } пользователей
   *[other] { $count } пользователя
}
admin-gists-count = { $count ->
    [one] { $count } гист
    [few] { $count } гиста
    [many] { $count } гистов
   *[other] { $count } гиста
}
admin-role-admin = Администратор
admin-role-user = Пользователь
admin-demote = Понизить
admin-make-admin = Сделать администратором
admin-confirm-delete-user = Удалить этого пользователя со всеми его гистами?
admin-confirm-delete-gist = Удалить этот гист и его историю?
admin-page-of = Страница { $page } из { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] Проверен { $count } гист:
    [few] Проверено { $count } гиста:
    [many] Проверено { $count } гистов:
   *[other] Проверено { $count } гиста:
}
admin-consistent = всё согласовано.
admin-problems-found = найдены проблемы.
admin-missing-repositories = Отсутствующие репозитории
admin-missing-repositories-help = Гисты, чей репозиторий пропал.
admin-orphan-repositories = Осиротевшие репозитории
admin-orphan-repositories-help = Репозитории, на которые не ссылается ни один гист.
admin-stale-rows = Устаревшие строки
admin-stale-rows-help = Строки, описывающие другую ревизию, чем вершина репозитория.

## auth

auth-log-in = Войти
auth-log-in-to-gistful = Вход в Gistful
auth-username = Имя пользователя
auth-password = Пароль
auth-new-here = Впервые здесь?
auth-create-an-account = Создать учётную запись
auth-register = Регистрация
auth-create-your-account = Создайте учётную запись
auth-email = Эл. почта
auth-create-account = Создать учётную запись
auth-already-have-an-account = Уже есть учётная запись?
auth-or = или
auth-sign-in-with = Войти через { $provider }

## comments

comments-comments-are-turned-off-for = Комментарии к этому гисту отключены.
comments-comments = Комментарии
comments-no-comments-yet = Комментариев пока нет.
comments-add-a-comment = Добавить комментарий
comments-markdown-works-here = Здесь работает Markdown
comments-comment = Комментировать
comments-log-in = Войдите,
comments-to-comment = чтобы комментировать.
comments-delete = Удалить
comments-edit-comment = Изменить комментарий
comments-save = Сохранить
comments-cancel = Отмена

## count

count-forks = { $count ->
    [one] { $count } форк
    [few] { $count } форка
    [many] { $count } форков
   *[other] { $count } форка
}
count-stars = { $count ->
    [one] { $count } звезда
    [few] { $count } звезды
    [many] { $count } звёзд
   *[other] { $count } звезды
}

## gist

gist-loading = Загрузка…
gist-forked-from = форк от
gist-revisions = Ревизии
gist-download-zip = Скачать ZIP
gist-log-in-to-star-or = Войдите, чтобы отметить или форкнуть
gist-fork = Форкнуть
gist-edit = Изменить
gist-delete = Удалить
gist-clone = Клонировать
gist-clone-over = Клонировать по
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Скачать
gist-view-it-raw = Открыть как есть
gist-raw = Исходник
gist-download = Скачать
gist-new-gist = Новый гист
gist-create-a-gist = Создать гист
gist-log-in-to-create-gists = Войдите, чтобы создавать гисты.
gist-log-in = Войти
gist-title = Заголовок
gist-optional = Необязательно
gist-description = Описание
gist-what-is-this-gist-about = О чём этот гист?
gist-create-gist = Создать гист
gist-edit-gist = Изменить гист
gist-back-to-the-gist = Назад к гисту
gist-log-in-to-edit-your = Войдите, чтобы изменять свои гисты.
gist-cancel = Отмена
gist-save-changes = Сохранить изменения
gist-topics = Темы
gist-e-g-rust-cli-up = напр. rust, cli (до 10)
gist-visibility = Видимость
gist-add-file = Добавить файл
gist-filename-including-extension = Имя файла с расширением…
gist-file-name = Имя файла
gist-language = Язык
gist-remove = Убрать
gist-binary-file-kept-as-it = Двоичный файл: остаётся как есть (здесь его можно переименовать или убрать).
gist-file-content = Содержимое файла
gist-rendering = Отрисовка…
gist-size-mb = { $size } МБ
gist-size-kb = { $size } КБ
gist-size-bytes = { $count ->
    [one] { $count } байт
    [few] { $count } байта
    [many] { $count } байт
   *[other] { $count } байта
}
gist-files-count = { $count ->
    [one] { $count } файл
    [few] { $count } файла
    [many] { $count } файлов
   *[other] { $count } файла
}
gist-embed = Встроить
gist-copied = Скопировано
gist-copy = Копировать
gist-unstar = ★ Убрать звезду
gist-star = ☆ В избранное
gist-binary-file = { $count ->
    [one] Двоичный файл, { $count } байт.
    [few] Двоичный файл, { $count } байта.
    [many] Двоичный файл, { $count } байт.
   *[other] Двоичный файл, { $count } байта.
}
gist-large-file = { $count ->
    [one] Файл большой ({ $size }): показана первая { $count } строка.
    [few] Файл большой ({ $size }): показаны первые { $count } строки.
    [many] Файл большой ({ $size }): показаны первые { $count } строк.
   *[other] Файл большой ({ $size }): показаны первые { $count } строки.
}
gist-language-auto = Автоматически ({ $language })
gist-preview = Просмотр

## job

job-reindex = Переиндексировать поиск
job-reindex-help = Очищает поисковый индекс этого сервера и заново индексирует каждый гист; поиск продолжает работать и догоняет по ходу.
job-repack = Переупаковать репозитории
job-repack-help = Упаковывает объекты каждого репозитория (git gc) по одному, пока его гист заблокирован; ничего достижимого не удаляется.
job-repair = Проверить и исправить
job-repair-help = Сравнивает каждый гист с его репозиторием: отставшие строки синхронизируются, репозитории без гиста переносятся в lost+found, об отсутствующих сообщается. Ничего не удаляется.
job-regenerate = Пересоздать превью и языки
job-regenerate-help = Перезаписывает превью и языки файлов каждого гиста из его репозитория по текущим правилам; вершины и даты не меняются.
job-purge-expired = Удалить истёкшие гисты
job-purge-expired-help = Удаляет гисты, срок которых прошёл (они уже отвечают всем 404).

## layout

layout-gistful = Gistful
layout-explore = Обзор
layout-search-gists = Поиск гистов
layout-new-gist = Новый гист
layout-api = API
layout-admin = Администрирование
layout-settings = Настройки
layout-log-out = Выйти
layout-log-in = Войти
layout-register = Регистрация
layout-language = Язык сайта
layout-change-language = Сменить

## lifecycle

lifecycle-options = Параметры
lifecycle-expires = Истекает
lifecycle-never = Никогда
lifecycle-at-the-date-below-utc = В указанную ниже дату (UTC)
lifecycle-date-utc = Дата (UTC)
lifecycle-custom-url = Свой URL
lifecycle-e-g-my-notes-optional = напр. my-notes (необязательно)
lifecycle-comments = Комментарии
lifecycle-read-only = Только чтение
lifecycle-archived = в архиве
lifecycle-pinned-gists = Закреплённые гисты
lifecycle-pinned = Закреплённые
lifecycle-move-up = Выше
lifecycle-move-down = Ниже
lifecycle-unpin = Открепить
lifecycle-keep = Оставить: { $time }
lifecycle-in-days = { $count ->
    [one] Через { $count } день
    [few] Через { $count } дня
    [many] Через { $count } дней
   *[other] Через { $count } дня
}
lifecycle-in-hours = { $count ->
    [one] Через { $count } час
    [few] Через { $count } часа
    [many] Через { $count } часов
   *[other] Через { $count } часа
}
lifecycle-unarchive = Вернуть из архива
lifecycle-archive = В архив
lifecycle-pin = Закрепить в профиле
lifecycle-unpin-profile = Открепить от профиля

## lists

lists-explore = Обзор
lists-explore-public-gists = Обзор публичных гистов
lists-topic = Тема
lists-loading = Загрузка…
lists-nobody-has-starred-this-gist = Этот гист ещё никто не отметил.
lists-sort = Сортировка:
lists-recently-updated = Недавно обновлённые
lists-newest = Новые
lists-no-gists-here-yet = Здесь пока нет гистов.
lists-previous = ← Назад
lists-next = Вперёд →
lists-tab-gists = Гисты
lists-tab-starred = Избранное
lists-tab-forks = Форки
lists-topic-title = Тема: { $topic }
lists-stargazers = Отметившие
lists-more-files = { $count ->
    [one] + ещё { $count } файл
    [few] + ещё { $count } файла
    [many] + ещё { $count } файлов
   *[other] + ещё { $count } файла
}

## maintenance

maintenance-jobs = Задачи
maintenance-one-job-runs-at-a = Одновременно выполняется одна задача, в фоне; уход со страницы или её перезагрузка её не остановят.
maintenance-no-job-has-run-since = С запуска сервера задачи не выполнялись.
maintenance-progress = Ход выполнения
maintenance-seconds = { $seconds } с
maintenance-minutes = { $minutes } мин { $seconds } с
maintenance-state-running = выполняется
maintenance-state-finished = завершена
maintenance-state-failed = сбой
maintenance-counting = подсчёт…
maintenance-done-of = { $done } из { $total }

## pages

pages-share-code-keep-its-history = Делитесь кодом, храните его историю.
pages-gistful-hosts-snippets-notes-and = Gistful хранит фрагменты кода, заметки и небольшие файлы. Каждый гист — это git-репозиторий:
pages-create-a-gist = Создать гист
pages-explore-public-gists = Обзор публичных гистов
pages-page-not-found = Страница не найдена
pages-there-is-nothing-here-the = Здесь ничего нет. Возможно, гист удалён или он приватный.
pages-go-home = На главную
pages-no-such-page = Такой страницы нет
pages-go-to-the-first-page = На первую страницу
pages-edit-script-clone = редактируйте его здесь, управляйте скриптами через GitHub-совместимый API или клонируйте и отправляйте через git.
pages-list-empty = Этот список пуст.
pages-list-pages = { $count ->
    [one] В этом списке { $count } страница.
    [few] В этом списке { $count } страницы.
    [many] В этом списке { $count } страниц.
   *[other] В этом списке { $count } страницы.
}

## preferences

preferences-preferences = Предпочтения
preferences-theme = Тема оформления
preferences-wrap-long-lines-of-code = Переносить длинные строки кода (вместо прокрутки вбок)
preferences-tab-width = Ширина табуляции
preferences-new-gists-start = Новые гисты по умолчанию
preferences-save-preferences = Сохранить предпочтения
preferences-saved = Предпочтения сохранены.
preferences-theme-system = Как в системе
preferences-theme-light = Светлая
preferences-theme-dark = Тёмная
preferences-spaces = { $count ->
    [one] { $count } пробел
    [few] { $count } пробела
    [many] { $count } пробелов
   *[other] { $count } пробела
}

## revisions

revisions-loading = Загрузка…
revisions-newer = ← Новее
revisions-older = Старше →
revisions-revised-this-gist = изменил(а) этот гист
revisions-large-diff-only-its-start = Большой diff: показано только начало. Сравните файлы целиком:
revisions-before = до
revisions-after = после
revisions-binary-file-changed = Двоичный файл изменён.
revisions-title = Ревизии { $title }
revisions-count = { $count ->
    [one] { $count } ревизия
    [few] { $count } ревизии
    [many] { $count } ревизий
   *[other] { $count } ревизии
}
revisions-status-added = добавлен
revisions-status-deleted = удалён
revisions-status-modified = изменён
revisions-status-renamed = переименован

## search

search-search-query = Поисковый запрос
search-search-gists = Поиск гистов
search-search = Найти
search-searching = Поиск…
search-sort = Сортировка:
search-best-match = По релевантности
search-recently-updated = Недавно обновлённые
search-languages = Языки
search-no-gists-match-try-fewer = Ничего не найдено. Попробуйте меньше слов или уберите уточнение.
search-previous = ← Назад
search-next = Вперёд →
search-words-match-titles-descriptions-file = Слова ищутся в заголовках, описаниях, именах файлов и коде;
search-and = и
search-match-by-their-parts-too = находятся и по частям. Фраза в кавычках:
search-narrow-with = Уточняйте с помощью
search-title = Поиск
search-title-query = { $query } · Поиск
search-found = { $count ->
    [one] Найден { $count } гист
    [few] Найдено { $count } гиста
    [many] Найдено { $count } гистов
   *[other] Найдено { $count } гиста
}

## second-factor

second-factor-two-factor-authentication = Двухфакторная аутентификация
second-factor-this-sign-in-expired-or = Этот вход истёк или уже использован.
second-factor-log-in-again = Войти снова
second-factor-open-your-authenticator-app-for = Откройте приложение-аутентификатор, чтобы получить 6-значный код.
second-factor-verify = Подтвердить
second-factor-or = или
second-factor-use-a-passkey = Использовать ключ доступа
second-factor-sign-in-with-a-passkey = Войти с ключом доступа
second-factor-your-recovery-codes = Ваши коды восстановления.
second-factor-keep-them-somewhere-safe-each = Храните их в надёжном месте: каждый позволит войти один раз, если вы потеряете телефон или ключ доступа. Повторно они не покажутся.
second-factor-download = Скачать
second-factor-this-instance-requires-admins-to = На этом сервере администраторам нужен второй фактор. Настройте приложение-аутентификатор или ключ доступа, чтобы продолжить.
second-factor-authenticator-app = Приложение-аутентификатор
second-factor-an-authenticator-app-is-set = Приложение-аутентификатор настроено: при входе по паролю спрашивается его код.
second-factor-remove-the-authenticator-app = Удалить приложение-аутентификатор
second-factor-passkeys = Ключи доступа
second-factor-a-passkey-signs-you-in = Ключ доступа позволяет войти без пароля или служит вторым шагом после него.
second-factor-name = Название
second-factor-added = Добавлен
second-factor-last-used = Последнее использование
second-factor-remove = Удалить
second-factor-passkey-name = Название ключа доступа
second-factor-e-g-laptop = напр. ноутбук
second-factor-keep-them-somewhere-safe-each-2 = Храните их в надёжном месте: каждый позволит войти один раз, если вы потеряете ключ доступа. Повторно они не покажутся.
second-factor-done = Готово
second-factor-add-a-passkey = Добавить ключ доступа
second-factor-recovery-codes = Коды восстановления
second-factor-make-new-recovery-codes = Создать новые коды восстановления
second-factor-use-an-app-such-as = Используйте приложение вроде Aegis, 1Password, Google Authenticator или FreeOTP для 6-значного кода при каждом входе.
second-factor-set-up-an-authenticator-app = Настроить приложение-аутентификатор
second-factor-qr-code-of-the-authenticator = QR-код секрета аутентификатора
second-factor-scan-the-code-with-your = Отсканируйте код приложением или введите в него этот секрет:
second-factor-code-from-the-app = Код из приложения
second-factor-confirm = Подтвердить
second-factor-signing-in-as = Вход как { $username }.
second-factor-code-or-recovery = Код аутентификации или код восстановления
second-factor-recovery-code = Код восстановления
second-factor-codes-left = { $count ->
    [one] Остался { $count } код восстановления из { $total }.
    [few] Осталось { $count } кода восстановления из { $total }.
    [many] Осталось { $count } кодов восстановления из { $total }.
   *[other] Осталось { $count } кода восстановления из { $total }.
}
second-factor-remove-named = Удалить ключ доступа { $name }

## settings

settings-settings = Настройки
settings-loading = Загрузка…
settings-log-in-to-change-your = Войдите, чтобы изменить настройки.
settings-log-in = Войти
settings-profile = Профиль
settings-display-name = Отображаемое имя
settings-email = Эл. почта
settings-bio = О себе
settings-show-my-email-address-in = Показывать мой адрес эл. почты в коммитах моих гистов (иначе в них стоит
settings-as-anyone-who-clones-a = , ведь любой, кто клонирует публичный гист, может прочитать его коммиты)
settings-save-profile = Сохранить профиль
settings-password = Пароль
settings-current-password = Текущий пароль
settings-new-password = Новый пароль
settings-change-password = Сменить пароль
settings-delete-account = Удаление учётной записи
settings-deletes-your-account-your-gists = Удаляет вашу учётную запись, гисты и их историю. Это нельзя отменить.
settings-password-to-delete-the-account = Пароль для удаления учётной записи
settings-type-your-username-to-confirm = Введите имя пользователя для подтверждения
settings-your-username-to-delete-the = Ваше имя пользователя для удаления учётной записи
settings-delete-my-account = Удалить мою учётную запись
settings-access-tokens = Токены доступа
settings-tokens-let-scripts-and-github = Токены позволяют скриптам и клиентам GitHub пользоваться API:
settings-your-new-token-copy-it = Ваш новый токен. Скопируйте его сейчас: повторно он не покажется.
settings-name = Название
settings-e-g-laptop = напр. ноутбук
settings-scopes = Права
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Истекает
settings-in-30-days = через 30 дней
settings-in-90-days = через 90 дней
settings-in-a-year = через год
settings-never = никогда
settings-create-token = Создать токен
settings-last-used = Последнее использование
settings-revoke = Отозвать
settings-linked-you-can-now-sign = Привязано. Теперь можно входить через него.
settings-sign-in-providers = Способы входа
settings-unlink = Отвязать
settings-link = Привязать
settings-username = Имя пользователя
settings-your-sign-in-provider-chose = Это имя выбрал ваш поставщик входа. Его можно изменить один раз.
settings-keep-this-username = Оставить это имя
settings-profile-saved = Профиль сохранён.
settings-password-changed = Пароль изменён.
settings-not-linked = Не привязано
settings-linked-since = Привязано с { $date }
settings-unlink-named = Отвязать { $name }
settings-link-named = Привязать { $name }

## ssh-keys

ssh-keys-ssh-keys = SSH-ключи
ssh-keys-keys-that-clone-and-push = Ключи для клонирования и отправки гистов по SSH (Ed25519, ECDSA или RSA от 2048 бит).
ssh-keys-name = Название
ssh-keys-fingerprint = Отпечаток
ssh-keys-added = Добавлен
ssh-keys-last-used = Последнее использование
ssh-keys-remove = Удалить
ssh-keys-key-name = Название ключа
ssh-keys-e-g-laptop = напр. ноутбук
ssh-keys-public-key = Открытый ключ
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... you@laptop (содержимое ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = Добавить SSH-ключ
ssh-keys-with-these-lines-in = С этими строками в
ssh-keys-works = работает:
ssh-keys-remove-named = Удалить SSH-ключ { $name }

## theme

theme-switch-to-light = Включить светлую тему
theme-switch-to-dark = Включить тёмную тему
theme-toggle = Сменить тему

## time

time-just-now = только что
time-minutes-ago = { $count ->
    [one] { $count } минуту назад
    [few] { $count } минуты назад
    [many] { $count } минут назад
   *[other] { $count } минуты назад
}
time-hours-ago = { $count ->
    [one] { $count } час назад
    [few] { $count } часа назад
    [many] { $count } часов назад
   *[other] { $count } часа назад
}
time-days-ago = { $count ->
    [one] { $count } день назад
    [few] { $count } дня назад
    [many] { $count } дней назад
   *[other] { $count } дня назад
}
time-months-ago = { $count ->
    [one] { $count } месяц назад
    [few] { $count } месяца назад
    [many] { $count } месяцев назад
   *[other] { $count } месяца назад
}
time-years-ago = { $count ->
    [one] { $count } год назад
    [few] { $count } года назад
    [many] { $count } лет назад
   *[other] { $count } года назад
}
time-expires-soon = истекает меньше чем через минуту
time-expires-minutes = { $count ->
    [one] истекает через { $count } минуту
    [few] истекает через { $count } минуты
    [many] истекает через { $count } минут
   *[other] истекает через { $count } минуты
}
time-expires-hours = { $count ->
    [one] истекает через { $count } час
    [few] истекает через { $count } часа
    [many] истекает через { $count } часов
   *[other] истекает через { $count } часа
}
time-expires-days = { $count ->
    [one] истекает через { $count } день
    [few] истекает через { $count } дня
    [many] истекает через { $count } дней
   *[other] истекает через { $count } дня
}

## visibility

visibility-public = публичный
visibility-unlisted = по ссылке
visibility-private = приватный

## branding

admin-tab-branding = Оформление
admin-brand-name = Название экземпляра
admin-brand-name-help = Показывается в шапке, заголовках страниц и встраиваниях. Оставьте пустым для «Gistful».
admin-brand-pinned = Задано файлом конфигурации.
admin-brand-links = Ссылки в подвале
admin-brand-links-help = По одной на строку: Название | https://адрес (или путь на этом сайте, например /about).
admin-brand-accent = Акцентный цвет
admin-brand-accent-blue = Синий
admin-brand-accent-green = Зелёный
admin-brand-accent-purple = Фиолетовый
admin-brand-accent-orange = Оранжевый
admin-brand-accent-red = Красный
admin-brand-accent-pink = Розовый
admin-brand-accent-teal = Бирюзовый
admin-brand-theme = Тема по умолчанию
admin-brand-sort = Порядок списков по умолчанию
admin-brand-soft-wrap = Переносить длинные строки кода
admin-brand-soft-wrap-help = Для посетителей без учётной записи; остальные выбирают сами в настройках.
admin-brand-save = Сохранить оформление
admin-brand-saved = Оформление сохранено.
admin-brand-logo = Логотип
admin-brand-favicon = Значок сайта
admin-brand-choose-file = Файл изображения
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO или SVG, не больше { $kib } КиБ.
admin-brand-upload = Загрузить
admin-brand-remove = Удалить
admin-brand-uploaded = Изображение сохранено.
admin-brand-none = Пока нет.
brand-refused-empty = Сначала выберите файл.
brand-refused-too-large = Изображение больше { $kib } КиБ.
brand-refused-too-many-pixels = Изображение шире или выше { $pixels } пикселей.
brand-refused-not-an-image = Этот файл — не изображение PNG, JPEG, GIF, WebP, ICO или SVG.
brand-refused-unsafe-svg = SVG содержит скрипты, обработчики событий или ссылки на другие файлы, поэтому отклонён.

admin-tab-webhooks = Вебхуки
webhooks-title = Вебхуки
webhooks-user-intro = Адреса, которые получают уведомление, когда ваш гист создают, правят, пушат, удаляют, отмечают звездой, форкают или комментируют. Каждый запрос подписан вашим секретом (HMAC-SHA256) в
webhooks-instance-intro = Адреса, которые получают уведомления о каждом публичном гисте этого сервера. Каждый запрос подписан секретом вебхука (HMAC-SHA256) в
webhooks-url = URL получателя
webhooks-secret = Секрет
webhooks-events = События
webhooks-add = Добавить вебхук
webhooks-remove = Удалить
webhooks-remove-named = Удалить вебхук на { $url }
webhooks-deliveries = Последние доставки
webhooks-none-yet = Доставок пока нет.
webhooks-when = Когда
webhooks-event = Событие
webhooks-status = Состояние
webhooks-response = Ответ
webhooks-attempts = Попытки
webhooks-redeliver = Доставить снова
webhooks-ping = Проверить
webhooks-ping-named = Отправить ping на { $url }
webhooks-status-pending = Ожидает
webhooks-status-delivered = Доставлено
webhooks-status-failed = Не удалось
