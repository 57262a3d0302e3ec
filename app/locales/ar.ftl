# Gistful بالعربية.

## admin

admin-loading = جارٍ التحميل…
admin-admin = الإدارة
admin-administration = الإدارة
admin-the-configuration-file-turns-the = ملف الإعدادات يُعطّل الواجهة البرمجية (api.enabled: false)، وله الأولوية على هذا المفتاح.
admin-save-settings = حفظ الإعدادات
admin-could-not-load-the-users = تعذّر تحميل المستخدمين.
admin-user = المستخدم
admin-email = البريد الإلكتروني
admin-role = الدور
admin-gists = المقتطفات
admin-joined = الانضمام
admin-delete = حذف
admin-you = أنت
admin-could-not-load-the-gists = تعذّر تحميل المقتطفات.
admin-gist = المقتطف
admin-owner = المالك
admin-visibility = الظهور
admin-files = الملفات
admin-updated = آخر تحديث
admin-previous = → السابق
admin-next = التالي ←
admin-consistency-check = فحص الاتساق
admin-compares-every-gist-in-the = يقارن كل مقتطف في قاعدة البيانات بمستودع git الخاص به ويكتفي بالإبلاغ؛ أما مهمة «الفحص والإصلاح» أعلاه (أو
admin-repairs-safely-while-the-server = ) فتُصلح بأمان أثناء عمل الخادم: لا تحذف شيئًا أبدًا، ولا تمسّ عمليات الكتابة الجارية.
admin-run-consistency-check = تشغيل فحص الاتساق
admin-tab-settings = الإعدادات
admin-tab-users = المستخدمون
admin-tab-gists = المقتطفات
admin-tab-maintenance = الصيانة
admin-disable-signup = إيقاف التسجيل
admin-disable-signup-help = لا يمكن لأحد التسجيل؛ ينشئ المشرفون الحسابات بالأمر gistful admin create-user.
admin-require-login = اشتراط تسجيل الدخول
admin-require-login-help = كل صفحة واستدعاء للواجهة البرمجية وملف خام واستنساخ يتطلب مستخدمًا مسجّل الدخول.
admin-allow-individual-gists = السماح بالمقتطفات المفردة دون تسجيل دخول
admin-allow-individual-gists-help = مع «اشتراط تسجيل الدخول»: يبقى المقتطف المفرد مقروءًا لكل من يملك رابطه.
admin-api-enabled = تفعيل واجهة REST البرمجية
admin-api-enabled-help = نقاط /api للنصوص البرمجية وعملاء المقتطفات.
admin-require-admin-mfa = اشتراط عامل ثانٍ للمشرفين
admin-require-admin-mfa-help = يُوجَّه المشرفون الذين ليس لديهم تطبيق مصادقة أو مفتاح مرور لإعداد أحدهما عند تسجيل الدخول، ولا يمكنهم استخدام هذه اللوحة حتى يفعلوا.
admin-settings-saved = حُفظت الإعدادات.
admin-users-count = { $count ->
    [zero] لا مستخدمين
    [one] مستخدم واحد
    [two] مستخدمان
    [few] { $count } مستخدمين
    [many] { $count } مستخدمًا
   *[other] { $count } مستخدم
}
admin-gists-count = { $count ->
    [zero] لا مقتطفات
    [one] مقتطف واحد
    [two] مقتطفان
    [few] { $count } مقتطفات
    [many] { $count } مقتطفًا
   *[other] { $count } مقتطف
}
admin-role-admin = مشرف
admin-role-user = مستخدم
admin-demote = خفض الصلاحية
admin-make-admin = جعله مشرفًا
admin-confirm-delete-user = حذف هذا المستخدم مع جميع مقتطفاته؟
admin-confirm-delete-gist = حذف هذا المقتطف وسجلّه؟
admin-page-of = الصفحة { $page } من { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] فُحص مقتطف واحد:
    [two] فُحص مقتطفان:
    [few] فُحصت { $count } مقتطفات:
    [many] فُحص { $count } مقتطفًا:
   *[other] فُحص { $count } مقتطف:
}
admin-consistent = كل شيء متّسق.
admin-problems-found = وُجدت مشكلات.
admin-missing-repositories = مستودعات مفقودة
admin-missing-repositories-help = مقتطفات اختفى مستودعها.
admin-orphan-repositories = مستودعات يتيمة
admin-orphan-repositories-help = مستودعات لا يشير إليها أي مقتطف.
admin-stale-rows = صفوف قديمة
admin-stale-rows-help = صفوف تصف مراجعة غير رأس المستودع.

## auth

auth-log-in = تسجيل الدخول
auth-log-in-to-gistful = تسجيل الدخول إلى Gistful
auth-username = اسم المستخدم
auth-password = كلمة المرور
auth-new-here = جديد هنا؟
auth-create-an-account = أنشئ حسابًا
auth-register = التسجيل
auth-create-your-account = أنشئ حسابك
auth-email = البريد الإلكتروني
auth-create-account = إنشاء الحساب
auth-already-have-an-account = لديك حساب بالفعل؟
auth-or = أو
auth-sign-in-with = تسجيل الدخول عبر { $provider }

## comments

comments-comments-are-turned-off-for = التعليقات معطّلة لهذا المقتطف.
comments-comments = التعليقات
comments-no-comments-yet = لا تعليقات بعد.
comments-add-a-comment = أضف تعليقًا
comments-markdown-works-here = يمكنك استخدام Markdown هنا
comments-comment = علّق
comments-log-in = سجّل الدخول
comments-to-comment = لتعلّق.
comments-delete = حذف
comments-edit-comment = تعديل التعليق
comments-save = حفظ
comments-cancel = إلغاء

## count

count-forks = { $count ->
    [zero] لا تفرعات
    [one] تفرّع واحد
    [two] تفرّعان
    [few] { $count } تفرّعات
    [many] { $count } تفرّعًا
   *[other] { $count } تفرّع
}
count-stars = { $count ->
    [zero] لا نجوم
    [one] نجمة واحدة
    [two] نجمتان
    [few] { $count } نجمات
    [many] { $count } نجمة
   *[other] { $count } نجمة
}

## gist

gist-loading = جارٍ التحميل…
gist-forked-from = متفرّع من
gist-revisions = المراجعات
gist-download-zip = تنزيل ZIP
gist-log-in-to-star-or = سجّل الدخول لتضع نجمة أو تتفرّع
gist-fork = تفرّع
gist-edit = تعديل
gist-delete = حذف
gist-clone = استنساخ
gist-clone-over = الاستنساخ عبر
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = نزّله
gist-view-it-raw = اعرضه خامًا
gist-raw = خام
gist-download = تنزيل
gist-new-gist = مقتطف جديد
gist-create-a-gist = أنشئ مقتطفًا
gist-log-in-to-create-gists = سجّل الدخول لإنشاء المقتطفات.
gist-log-in = تسجيل الدخول
gist-title = العنوان
gist-optional = اختياري
gist-description = الوصف
gist-what-is-this-gist-about = عمَّ يتحدث هذا المقتطف؟
gist-create-gist = إنشاء المقتطف
gist-edit-gist = تعديل المقتطف
gist-back-to-the-gist = العودة إلى المقتطف
gist-log-in-to-edit-your = سجّل الدخول لتعديل مقتطفاتك.
gist-cancel = إلغاء
gist-save-changes = حفظ التغييرات
gist-topics = المواضيع
gist-e-g-rust-cli-up = مثلًا rust, cli (حتى 10)
gist-visibility = الظهور
gist-add-file = إضافة ملف
gist-filename-including-extension = اسم الملف مع امتداده…
gist-file-name = اسم الملف
gist-language = اللغة
gist-remove = إزالة
gist-binary-file-kept-as-it = ملف ثنائي: يُحتفظ به كما هو (أعد تسميته أو أزِله هنا).
gist-file-content = محتوى الملف
gist-rendering = جارٍ العرض…
gist-size-mb = { $size } ميغابايت
gist-size-kb = { $size } كيلوبايت
gist-size-bytes = { $count ->
    [zero] { $count } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $count } بايتات
    [many] { $count } بايتًا
   *[other] { $count } بايت
}
gist-files-count = { $count ->
    [zero] لا ملفات
    [one] ملف واحد
    [two] ملفان
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}
gist-embed = تضمين
gist-copied = نُسخ
gist-copy = نسخ
gist-unstar = ★ إزالة النجمة
gist-star = ☆ نجمة
gist-binary-file = { $count ->
    [one] ملف ثنائي، بايت واحد.
    [two] ملف ثنائي، بايتان.
    [few] ملف ثنائي، { $count } بايتات.
    [many] ملف ثنائي، { $count } بايتًا.
   *[other] ملف ثنائي، { $count } بايت.
}
gist-large-file = { $count ->
    [one] هذا الملف كبير ({ $size }): يُعرض السطر الأول فقط.
    [two] هذا الملف كبير ({ $size }): يُعرض أول سطرين فقط.
    [few] هذا الملف كبير ({ $size }): تُعرض أول { $count } أسطر فقط.
    [many] هذا الملف كبير ({ $size }): يُعرض أول { $count } سطرًا فقط.
   *[other] هذا الملف كبير ({ $size }): يُعرض أول { $count } سطر فقط.
}
gist-language-auto = تلقائي ({ $language })
gist-preview = معاينة

## job

job-reindex = إعادة فهرسة البحث
job-reindex-help = يُفرغ فهرس البحث في هذا الخادم ويعيد فهرسة كل مقتطف؛ يظل البحث يعمل ويلحق بالتدريج.
job-repack = إعادة حزم المستودعات
job-repack-help = يحزم كائنات كل مستودع (git gc)، مستودعًا تلو الآخر بينما مقتطفه مقفل؛ لا يُحذف شيء يمكن الوصول إليه.
job-repair = الفحص والإصلاح
job-repair-help = يقارن كل مقتطف بمستودعه: تُزامَن الصفوف المتأخرة عن مستودعها، وتُنقل المستودعات التي بلا مقتطف إلى lost+found، ويُبلَّغ عن المستودعات المفقودة. لا يُحذف شيء.
job-regenerate = إعادة توليد المعاينات واللغات
job-regenerate-help = يعيد كتابة معاينات ملفات كل مقتطف ولغاتها من مستودعه وفق القواعد الحالية؛ تبقى الرؤوس والتواريخ كما هي.
job-purge-expired = حذف المقتطفات المنتهية
job-purge-expired-help = يحذف المقتطفات التي انقضت مدتها (وهي تُجيب الجميع بـ 404 أصلًا).

## layout

layout-gistful = Gistful
layout-explore = استكشاف
layout-search-gists = ابحث في المقتطفات
layout-new-gist = مقتطف جديد
layout-api = الواجهة البرمجية
layout-admin = الإدارة
layout-settings = الإعدادات
layout-log-out = تسجيل الخروج
layout-log-in = تسجيل الدخول
layout-register = التسجيل
layout-language = لغة الموقع
layout-change-language = تغيير

## lifecycle

lifecycle-options = خيارات
lifecycle-expires = ينتهي
lifecycle-never = أبدًا
lifecycle-at-the-date-below-utc = في التاريخ أدناه (UTC)
lifecycle-date-utc = التاريخ (UTC)
lifecycle-custom-url = رابط مخصّص
lifecycle-e-g-my-notes-optional = مثلًا my-notes (اختياري)
lifecycle-comments = التعليقات
lifecycle-read-only = للقراءة فقط
lifecycle-archived = مؤرشف
lifecycle-pinned-gists = المقتطفات المثبّتة
lifecycle-pinned = المثبّتة
lifecycle-move-up = نقل للأعلى
lifecycle-move-down = نقل للأسفل
lifecycle-unpin = إلغاء التثبيت
lifecycle-keep = إبقاء: { $time }
lifecycle-in-days = { $count ->
    [one] بعد يوم واحد
    [two] بعد يومين
    [few] بعد { $count } أيام
    [many] بعد { $count } يومًا
   *[other] بعد { $count } يوم
}
lifecycle-in-hours = { $count ->
    [one] بعد ساعة واحدة
    [two] بعد ساعتين
    [few] بعد { $count } ساعات
    [many] بعد { $count } ساعة
   *[other] بعد { $count } ساعة
}
lifecycle-unarchive = إلغاء الأرشفة
lifecycle-archive = أرشفة
lifecycle-pin = تثبيت في الملف الشخصي
lifecycle-unpin-profile = إلغاء التثبيت من الملف الشخصي

## lists

lists-explore = استكشاف
lists-explore-public-gists = استكشف المقتطفات العامة
lists-topic = الموضوع
lists-loading = جارٍ التحميل…
lists-nobody-has-starred-this-gist = لم يضع أحد نجمة على هذا المقتطف بعد.
lists-sort = الترتيب:
lists-recently-updated = المحدّثة مؤخرًا
lists-newest = الأحدث
lists-no-gists-here-yet = لا مقتطفات هنا بعد.
lists-previous = → السابق
lists-next = التالي ←
lists-tab-gists = المقتطفات
lists-tab-starred = ذات النجمة
lists-tab-forks = التفرعات
lists-topic-title = الموضوع: { $topic }
lists-stargazers = واضعو النجوم
lists-more-files = { $count ->
    [one] + ملف آخر
    [two] + ملفان آخران
    [few] + { $count } ملفات أخرى
    [many] + { $count } ملفًا آخر
   *[other] + { $count } ملف آخر
}

## maintenance

maintenance-jobs = المهام
maintenance-one-job-runs-at-a = تعمل مهمة واحدة في كل مرة، في الخلفية؛ مغادرة هذه الصفحة أو إعادة تحميلها لا توقفها.
maintenance-no-job-has-run-since = لم تُشغَّل أي مهمة منذ بدء الخادم.
maintenance-progress = التقدّم
maintenance-seconds = { $seconds } ث
maintenance-minutes = { $minutes } د { $seconds } ث
maintenance-state-running = قيد التشغيل
maintenance-state-finished = اكتملت
maintenance-state-failed = فشلت
maintenance-counting = جارٍ العدّ…
maintenance-done-of = { $done } من { $total }

## pages

pages-share-code-keep-its-history = شارك الشيفرة، واحتفظ بتاريخها.
pages-gistful-hosts-snippets-notes-and = يستضيف Gistful المقتطفات والملاحظات والملفات الصغيرة. كل مقتطف مستودع git:
pages-create-a-gist = أنشئ مقتطفًا
pages-explore-public-gists = استكشف المقتطفات العامة
pages-page-not-found = الصفحة غير موجودة
pages-there-is-nothing-here-the = لا شيء هنا. ربما حُذف المقتطف، أو أنه خاص.
pages-go-home = الصفحة الرئيسية
pages-no-such-page = لا توجد صفحة كهذه
pages-go-to-the-first-page = إلى الصفحة الأولى
pages-edit-script-clone = عدّله هنا، أو تحكّم به برمجيًا عبر واجهة متوافقة مع GitHub، أو استنسخه وادفعه باستخدام git.
pages-list-empty = هذه القائمة فارغة.
pages-list-pages = { $count ->
    [one] لهذه القائمة صفحة واحدة فقط.
    [two] لهذه القائمة صفحتان.
    [few] لهذه القائمة { $count } صفحات.
    [many] لهذه القائمة { $count } صفحة.
   *[other] لهذه القائمة { $count } صفحة.
}

## preferences

preferences-preferences = التفضيلات
preferences-theme = السمة
preferences-wrap-long-lines-of-code = التفاف أسطر الشيفرة الطويلة (بدل التمرير جانبيًا)
preferences-tab-width = عرض الجدولة
preferences-new-gists-start = تبدأ المقتطفات الجديدة
preferences-save-preferences = حفظ التفضيلات
preferences-saved = حُفظت التفضيلات.
preferences-theme-system = مثل النظام
preferences-theme-light = فاتحة
preferences-theme-dark = داكنة
preferences-spaces = { $count ->
    [one] مسافة واحدة
    [two] مسافتان
    [few] { $count } مسافات
    [many] { $count } مسافة
   *[other] { $count } مسافة
}

## revisions

revisions-loading = جارٍ التحميل…
revisions-newer = → الأحدث
revisions-older = الأقدم ←
revisions-revised-this-gist = راجع هذا المقتطف
revisions-large-diff-only-its-start = فرق كبير: تُعرض بدايته فقط. قارن الملفات كاملة:
revisions-before = قبل
revisions-after = بعد
revisions-binary-file-changed = تغيّر ملف ثنائي.
revisions-title = مراجعات { $title }
revisions-count = { $count ->
    [one] مراجعة واحدة
    [two] مراجعتان
    [few] { $count } مراجعات
    [many] { $count } مراجعة
   *[other] { $count } مراجعة
}
revisions-status-added = أُضيف
revisions-status-deleted = حُذف
revisions-status-modified = عُدّل
revisions-status-renamed = أُعيدت تسميته

## search

search-search-query = عبارة البحث
search-search-gists = ابحث في المقتطفات
search-search = بحث
search-searching = جارٍ البحث…
search-sort = الترتيب:
search-best-match = الأكثر صلة
search-recently-updated = المحدّثة مؤخرًا
search-languages = اللغات
search-no-gists-match-try-fewer = لا مقتطفات مطابقة. جرّب كلمات أقل، أو أزِل أحد المرشحات.
search-previous = → السابق
search-next = التالي ←
search-words-match-titles-descriptions-file = تطابق الكلمات العناوين والأوصاف وأسماء الملفات والشيفرة؛
search-and = و
search-match-by-their-parts-too = تُطابَق بأجزائها أيضًا. ضع العبارة بين علامتي اقتباس:
search-narrow-with = ضيّق النتائج بـ
search-title = البحث
search-title-query = { $query } · البحث
search-found = { $count ->
    [zero] لم يُعثر على مقتطفات
    [one] عُثر على مقتطف واحد
    [two] عُثر على مقتطفين
    [few] عُثر على { $count } مقتطفات
    [many] عُثر على { $count } مقتطفًا
   *[other] عُثر على { $count } مقتطف
}

## second-factor

second-factor-two-factor-authentication = المصادقة الثنائية
second-factor-this-sign-in-expired-or = انتهت صلاحية تسجيل الدخول هذا أو استُخدم من قبل.
second-factor-log-in-again = سجّل الدخول مجددًا
second-factor-open-your-authenticator-app-for = افتح تطبيق المصادقة للحصول على الرمز المكوّن من 6 أرقام.
second-factor-verify = تحقّق
second-factor-or = أو
second-factor-use-a-passkey = استخدم مفتاح مرور
second-factor-sign-in-with-a-passkey = سجّل الدخول بمفتاح مرور
second-factor-your-recovery-codes = رموز الاسترداد الخاصة بك.
second-factor-keep-them-somewhere-safe-each = احفظها في مكان آمن: كل رمز يُدخلك مرة واحدة إذا فقدت هاتفك أو مفتاح المرور. لن تُعرض مرة أخرى.
second-factor-download = تنزيل
second-factor-this-instance-requires-admins-to = يشترط هذا الخادم عاملًا ثانيًا للمشرفين. أعدّ تطبيق مصادقة أو مفتاح مرور للمتابعة.
second-factor-authenticator-app = تطبيق المصادقة
second-factor-an-authenticator-app-is-set = تطبيق مصادقة مُعدّ: تسجيل الدخول بكلمة المرور يطلب رمزه.
second-factor-remove-the-authenticator-app = إزالة تطبيق المصادقة
second-factor-passkeys = مفاتيح المرور
second-factor-a-passkey-signs-you-in = مفتاح المرور يُدخلك دون كلمة مرور، أو كخطوة ثانية بعدها.
second-factor-name = الاسم
second-factor-added = أُضيف
second-factor-last-used = آخر استخدام
second-factor-remove = إزالة
second-factor-passkey-name = اسم مفتاح المرور
second-factor-e-g-laptop = مثلًا الحاسوب المحمول
second-factor-keep-them-somewhere-safe-each-2 = احفظها في مكان آمن: كل رمز يُدخلك مرة واحدة إذا فقدت مفتاح المرور. لن تُعرض مرة أخرى.
second-factor-done = تم
second-factor-add-a-passkey = إضافة مفتاح مرور
second-factor-recovery-codes = رموز الاسترداد
second-factor-make-new-recovery-codes = إنشاء رموز استرداد جديدة
second-factor-use-an-app-such-as = استخدم تطبيقًا مثل Aegis أو 1Password أو Google Authenticator أو FreeOTP للحصول على رمز من 6 أرقام عند كل تسجيل دخول.
second-factor-set-up-an-authenticator-app = إعداد تطبيق مصادقة
second-factor-qr-code-of-the-authenticator = رمز QR لسرّ المصادقة
second-factor-scan-the-code-with-your = امسح الرمز بتطبيقك، أو اكتب فيه هذا السرّ:
second-factor-code-from-the-app = الرمز من التطبيق
second-factor-confirm = تأكيد
second-factor-signing-in-as = تسجيل الدخول باسم { $username }.
second-factor-code-or-recovery = رمز المصادقة أو رمز الاسترداد
second-factor-recovery-code = رمز الاسترداد
second-factor-codes-left = { $count ->
    [zero] لم يبقَ أي رمز استرداد من { $total }.
    [one] بقي رمز استرداد واحد من { $total }.
    [two] بقي رمزا استرداد من { $total }.
    [few] بقيت { $count } رموز استرداد من { $total }.
    [many] بقي { $count } رمز استرداد من { $total }.
   *[other] بقي { $count } رمز استرداد من { $total }.
}
second-factor-remove-named = إزالة مفتاح المرور { $name }

## settings

settings-settings = الإعدادات
settings-loading = جارٍ التحميل…
settings-log-in-to-change-your = سجّل الدخول لتغيير إعداداتك.
settings-log-in = تسجيل الدخول
settings-profile = الملف الشخصي
settings-display-name = الاسم الظاهر
settings-email = البريد الإلكتروني
settings-bio = نبذة
settings-show-my-email-address-in = أظهر بريدي الإلكتروني في إيداعات مقتطفاتي (وإلا فستحمل
settings-as-anyone-who-clones-a = ، لأن كل من يستنسخ مقتطفًا عامًا يمكنه قراءة إيداعاته)
settings-save-profile = حفظ الملف الشخصي
settings-password = كلمة المرور
settings-current-password = كلمة المرور الحالية
settings-new-password = كلمة المرور الجديدة
settings-change-password = تغيير كلمة المرور
settings-delete-account = حذف الحساب
settings-deletes-your-account-your-gists = يحذف حسابك ومقتطفاتك وسجلّها. لا يمكن التراجع عن ذلك.
settings-password-to-delete-the-account = كلمة المرور لحذف الحساب
settings-type-your-username-to-confirm = اكتب اسم المستخدم للتأكيد
settings-your-username-to-delete-the = اسم المستخدم لحذف الحساب
settings-delete-my-account = احذف حسابي
settings-access-tokens = رموز الوصول
settings-tokens-let-scripts-and-github = تتيح الرموز للنصوص البرمجية وعملاء GitHub استخدام الواجهة البرمجية:
settings-your-new-token-copy-it = رمزك الجديد. انسخه الآن: لن يُعرض مرة أخرى.
settings-name = الاسم
settings-e-g-laptop = مثلًا الحاسوب المحمول
settings-scopes = الصلاحيات
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = ينتهي
settings-in-30-days = بعد 30 يومًا
settings-in-90-days = بعد 90 يومًا
settings-in-a-year = بعد سنة
settings-never = أبدًا
settings-create-token = إنشاء رمز
settings-last-used = آخر استخدام
settings-revoke = إبطال
settings-linked-you-can-now-sign = رُبط الحساب. يمكنك الآن تسجيل الدخول به.
settings-sign-in-providers = مزوّدو تسجيل الدخول
settings-unlink = فكّ الربط
settings-link = ربط
settings-username = اسم المستخدم
settings-your-sign-in-provider-chose = اختار مزوّد تسجيل الدخول هذا الاسم. يمكنك تغييره مرة واحدة.
settings-keep-this-username = الإبقاء على اسم المستخدم هذا
settings-profile-saved = حُفظ الملف الشخصي.
settings-password-changed = تغيّرت كلمة المرور.
settings-not-linked = غير مربوط
settings-linked-since = مربوط منذ { $date }
settings-unlink-named = فكّ ربط { $name }
settings-link-named = ربط { $name }

## ssh-keys

ssh-keys-ssh-keys = مفاتيح SSH
ssh-keys-keys-that-clone-and-push = مفاتيح تستنسخ مقتطفاتك وتدفعها عبر SSH ‏(Ed25519 أو ECDSA أو RSA بطول 2048 بت أو أكثر).
ssh-keys-name = الاسم
ssh-keys-fingerprint = البصمة
ssh-keys-added = أُضيف
ssh-keys-last-used = آخر استخدام
ssh-keys-remove = إزالة
ssh-keys-key-name = اسم المفتاح
ssh-keys-e-g-laptop = مثلًا الحاسوب المحمول
ssh-keys-public-key = المفتاح العام
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... you@laptop (محتوى ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = إضافة مفتاح SSH
ssh-keys-with-these-lines-in = مع هذه الأسطر في
ssh-keys-works = يعمل:
ssh-keys-remove-named = إزالة مفتاح SSH ‏{ $name }

## theme

theme-switch-to-light = التبديل إلى السمة الفاتحة
theme-switch-to-dark = التبديل إلى السمة الداكنة
theme-toggle = تبديل السمة

## time

time-just-now = الآن
time-minutes-ago = { $count ->
    [one] منذ دقيقة
    [two] منذ دقيقتين
    [few] منذ { $count } دقائق
    [many] منذ { $count } دقيقة
   *[other] منذ { $count } دقيقة
}
time-hours-ago = { $count ->
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $count } ساعات
    [many] منذ { $count } ساعة
   *[other] منذ { $count } ساعة
}
time-days-ago = { $count ->
    [one] منذ يوم
    [two] منذ يومين
    [few] منذ { $count } أيام
    [many] منذ { $count } يومًا
   *[other] منذ { $count } يوم
}
time-months-ago = { $count ->
    [one] منذ شهر
    [two] منذ شهرين
    [few] منذ { $count } أشهر
    [many] منذ { $count } شهرًا
   *[other] منذ { $count } شهر
}
time-years-ago = { $count ->
    [one] منذ سنة
    [two] منذ سنتين
    [few] منذ { $count } سنوات
    [many] منذ { $count } سنة
   *[other] منذ { $count } سنة
}
time-expires-soon = ينتهي خلال أقل من دقيقة
time-expires-minutes = { $count ->
    [one] ينتهي بعد دقيقة
    [two] ينتهي بعد دقيقتين
    [few] ينتهي بعد { $count } دقائق
    [many] ينتهي بعد { $count } دقيقة
   *[other] ينتهي بعد { $count } دقيقة
}
time-expires-hours = { $count ->
    [one] ينتهي بعد ساعة
    [two] ينتهي بعد ساعتين
    [few] ينتهي بعد { $count } ساعات
    [many] ينتهي بعد { $count } ساعة
   *[other] ينتهي بعد { $count } ساعة
}
time-expires-days = { $count ->
    [one] ينتهي بعد يوم
    [two] ينتهي بعد يومين
    [few] ينتهي بعد { $count } أيام
    [many] ينتهي بعد { $count } يومًا
   *[other] ينتهي بعد { $count } يوم
}

## visibility

visibility-public = عام
visibility-unlisted = غير مُدرج
visibility-private = خاص

## branding

admin-tab-branding = الهوية
admin-brand-name = اسم المثيل
admin-brand-name-help = يظهر في الترويسة وعناوين الصفحات والتضمينات. اتركه فارغًا ليكون «Gistful».
admin-brand-pinned = محدد في ملف الإعدادات.
admin-brand-links = روابط التذييل
admin-brand-links-help = رابط في كل سطر: التسمية | https://العنوان (أو مسار في هذا الموقع مثل /about).
admin-brand-accent = لون التمييز
admin-brand-accent-blue = أزرق
admin-brand-accent-green = أخضر
admin-brand-accent-purple = بنفسجي
admin-brand-accent-orange = برتقالي
admin-brand-accent-red = أحمر
admin-brand-accent-pink = وردي
admin-brand-accent-teal = أزرق مخضر
admin-brand-theme = السمة الافتراضية
admin-brand-sort = الترتيب الافتراضي للقوائم
admin-brand-soft-wrap = لف أسطر الشيفرة الطويلة
admin-brand-soft-wrap-help = للزوار بلا حساب؛ يختار الآخرون ما يناسبهم في الإعدادات.
admin-brand-save = حفظ الهوية
admin-brand-saved = حُفظت الهوية.
admin-brand-logo = الشعار
admin-brand-favicon = أيقونة الموقع
admin-brand-choose-file = ملف الصورة
admin-brand-image-help = PNG أو JPEG أو GIF أو WebP أو ICO أو SVG، بحد أقصى { $kib } KiB.
admin-brand-upload = رفع
admin-brand-remove = إزالة
admin-brand-uploaded = حُفظت الصورة.
admin-brand-none = لا شيء بعد.
brand-refused-empty = اختر ملفًا أولًا.
brand-refused-too-large = الصورة أكبر من { $kib } KiB.
brand-refused-too-many-pixels = عرض الصورة أو ارتفاعها أكبر من { $pixels } بكسل.
brand-refused-not-an-image = هذا الملف ليس صورة PNG أو JPEG أو GIF أو WebP أو ICO أو SVG.
brand-refused-unsafe-svg = يحتوي ملف SVG على نصوص برمجية أو معالجات أحداث أو روابط إلى ملفات أخرى، لذا رُفض.

admin-tab-webhooks = خطافات الويب
webhooks-title = خطافات الويب
webhooks-user-intro = عناوين تُبلَّغ عند إنشاء أحد مقتطفاتك أو تعديله أو الدفع إليه أو حذفه أو تمييزه بنجمة أو تفريعه أو التعليق عليه. كل طلب موقَّع بسرّك (HMAC-SHA256) في
webhooks-instance-intro = عناوين تُبلَّغ بكل مقتطف عام في هذا الخادم. كل طلب موقَّع بسرّ الخطاف (HMAC-SHA256) في
webhooks-url = عنوان الاستلام
webhooks-secret = السر
webhooks-events = الأحداث
webhooks-add = إضافة خطاف
webhooks-remove = إزالة
webhooks-remove-named = إزالة الخطاف إلى { $url }
webhooks-deliveries = آخر عمليات التسليم
webhooks-none-yet = لا توجد عمليات تسليم بعد.
webhooks-when = متى
webhooks-event = الحدث
webhooks-status = الحالة
webhooks-response = الرد
webhooks-attempts = المحاولات
webhooks-redeliver = إعادة التسليم
webhooks-ping = اختبار
webhooks-ping-named = إرسال ping إلى { $url }
webhooks-status-pending = في الانتظار
webhooks-status-delivered = تم التسليم
webhooks-status-failed = فشل
