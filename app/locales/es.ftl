# Gistful en español.

## admin

admin-loading = Cargando…
admin-admin = Administración
admin-administration = Administración
admin-the-configuration-file-turns-the = El archivo de configuración desactiva la API (api.enabled: false); eso prevalece sobre este interruptor.
admin-save-settings = Guardar ajustes
admin-could-not-load-the-users = No se pudieron cargar los usuarios.
admin-user = Usuario
admin-email = Correo
admin-role = Rol
admin-gists = Gists
admin-joined = Alta
admin-delete = Eliminar
admin-you = tú
admin-could-not-load-the-gists = No se pudieron cargar los gists.
admin-gist = Gist
admin-owner = Propietario
admin-visibility = Visibilidad
admin-files = Archivos
admin-updated = Actualizado
admin-previous = ← Anterior
admin-next = Siguiente →
admin-consistency-check = Comprobación de coherencia
admin-compares-every-gist-in-the = Compara cada gist de la base de datos con su repositorio git y solo informa; la tarea «Comprobar y reparar» de arriba (o
admin-repairs-safely-while-the-server = ) repara, de forma segura mientras el servidor funciona: nunca borra y no toca las escrituras en curso.
admin-run-consistency-check = Ejecutar la comprobación
admin-tab-settings = Ajustes
admin-tab-users = Usuarios
admin-tab-gists = Gists
admin-tab-maintenance = Mantenimiento
admin-disable-signup = Cerrar el registro
admin-disable-signup-help = Nadie puede registrarse; los administradores crean cuentas con el comando gistful admin create-user.
admin-require-login = Exigir inicio de sesión
admin-require-login-help = Cada página, llamada a la API, archivo en bruto y clon necesita un usuario con sesión iniciada.
admin-allow-individual-gists = Permitir gists individuales sin sesión
admin-allow-individual-gists-help = Con «Exigir inicio de sesión»: un gist sigue siendo legible para cualquiera que tenga su enlace.
admin-api-enabled = API REST activada
admin-api-enabled-help = Los endpoints /api para scripts y clientes de gists.
admin-require-admin-mfa = Exigir un segundo factor a los administradores
admin-require-admin-mfa-help = Los administradores sin app de autenticación ni llave de acceso deben configurar una al iniciar sesión y no pueden usar este panel hasta hacerlo.
admin-settings-saved = Ajustes guardados.
admin-users-count = { $count ->
    [one] { $count } usuario
   *[other] { $count } usuarios
}
admin-gists-count = { $count ->
    [one] { $count } gist
   *[other] { $count } gists
}
admin-role-admin = Admin
admin-role-user = Usuario
admin-demote = Degradar
admin-make-admin = Hacer admin
admin-confirm-delete-user = ¿Eliminar este usuario con todos sus gists?
admin-confirm-delete-gist = ¿Eliminar este gist y su historial?
admin-page-of = Página { $page } de { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] { $count } gist comprobado:
   *[other] { $count } gists comprobados:
}
admin-consistent = todo es coherente.
admin-problems-found = se encontraron problemas.
admin-missing-repositories = Repositorios que faltan
admin-missing-repositories-help = Gists cuyo repositorio ha desaparecido.
admin-orphan-repositories = Repositorios huérfanos
admin-orphan-repositories-help = Repositorios a los que no remite ningún gist.
admin-stale-rows = Filas desactualizadas
admin-stale-rows-help = Filas que describen otra revisión distinta de la cabeza del repositorio.

## auth

auth-log-in = Iniciar sesión
auth-log-in-to-gistful = Iniciar sesión en Gistful
auth-username = Nombre de usuario
auth-password = Contraseña
auth-new-here = ¿Eres nuevo?
auth-create-an-account = Crear una cuenta
auth-register = Registrarse
auth-create-your-account = Crea tu cuenta
auth-email = Correo
auth-create-account = Crear cuenta
auth-already-have-an-account = ¿Ya tienes cuenta?
auth-or = o
auth-sign-in-with = Iniciar sesión con { $provider }

## comments

comments-comments-are-turned-off-for = Los comentarios están desactivados en este gist.
comments-comments = Comentarios
comments-no-comments-yet = Aún no hay comentarios.
comments-add-a-comment = Añadir un comentario
comments-markdown-works-here = Aquí funciona Markdown
comments-comment = Comentar
comments-log-in = Inicia sesión
comments-to-comment = para comentar.
comments-delete = Eliminar
comments-edit-comment = Editar comentario
comments-save = Guardar
comments-cancel = Cancelar

## count

count-forks = { $count ->
    [one] { $count } fork
   *[other] { $count } forks
}
count-stars = { $count ->
    [one] { $count } estrella
   *[other] { $count } estrellas
}

## gist

gist-loading = Cargando…
gist-forked-from = bifurcado de
gist-revisions = Revisiones
gist-download-zip = Descargar ZIP
gist-log-in-to-star-or = Inicia sesión para destacar o bifurcar
gist-fork = Bifurcar
gist-edit = Editar
gist-delete = Eliminar
gist-clone = Clonar
gist-clone-over = Clonar por
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Descargarlo
gist-view-it-raw = Verlo en bruto
gist-raw = En bruto
gist-download = Descargar
gist-new-gist = Nuevo gist
gist-create-a-gist = Crear un gist
gist-log-in-to-create-gists = Inicia sesión para crear gists.
gist-log-in = Iniciar sesión
gist-title = Título
gist-optional = Opcional
gist-description = Descripción
gist-what-is-this-gist-about = ¿De qué trata este gist?
gist-create-gist = Crear gist
gist-edit-gist = Editar gist
gist-back-to-the-gist = Volver al gist
gist-log-in-to-edit-your = Inicia sesión para editar tus gists.
gist-cancel = Cancelar
gist-save-changes = Guardar cambios
gist-topics = Temas
gist-e-g-rust-cli-up = p. ej. rust, cli (hasta 10)
gist-visibility = Visibilidad
gist-add-file = Añadir archivo
gist-filename-including-extension = Nombre del archivo con extensión…
gist-file-name = Nombre del archivo
gist-language = Lenguaje
gist-remove = Quitar
gist-binary-file-kept-as-it = Archivo binario: se conserva tal cual (renómbralo o quítalo aquí).
gist-file-content = Contenido del archivo
gist-rendering = Generando…
gist-size-mb = { $size } MB
gist-size-kb = { $size } KB
gist-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
gist-files-count = { $count ->
    [one] { $count } archivo
   *[other] { $count } archivos
}
gist-embed = Insertar
gist-copied = Copiado
gist-copy = Copiar
gist-unstar = ★ Quitar estrella
gist-star = ☆ Destacar
gist-binary-file = { $count ->
    [one] Archivo binario, { $count } byte.
   *[other] Archivo binario, { $count } bytes.
}
gist-large-file = { $count ->
    [one] Este archivo es grande ({ $size }): se muestra la primera línea.
   *[other] Este archivo es grande ({ $size }): se muestran las primeras { $count } líneas.
}
gist-language-auto = Automático ({ $language })
gist-preview = Vista previa

## job

job-reindex = Reindexar la búsqueda
job-reindex-help = Vacía el índice de búsqueda de este servidor y vuelve a indexar cada gist; la búsqueda sigue funcionando y se pone al día.
job-repack = Reempaquetar repositorios
job-repack-help = Empaqueta los objetos de cada repositorio (git gc), uno a uno mientras su gist está bloqueado; no se elimina nada alcanzable.
job-repair = Comprobar y reparar
job-repair-help = Compara cada gist con su repositorio: las filas atrasadas se resincronizan, los repositorios sin gist pasan a lost+found y se informa de los que faltan. No se borra nada.
job-regenerate = Regenerar vistas previas y lenguajes
job-regenerate-help = Reescribe las vistas previas y lenguajes de los archivos de cada gist desde su repositorio con las reglas actuales; cabezas y fechas no cambian.
job-purge-expired = Purgar gists caducados
job-purge-expired-help = Elimina los gists cuya caducidad ya pasó (ya responden 404 a todos).

## layout

layout-gistful = Gistful
layout-explore = Explorar
layout-search-gists = Buscar gists
layout-new-gist = Nuevo gist
layout-api = API
layout-admin = Administración
layout-settings = Ajustes
layout-log-out = Cerrar sesión
layout-log-in = Iniciar sesión
layout-register = Registrarse
layout-language = Idioma del sitio
layout-change-language = Cambiar

## lifecycle

lifecycle-options = Opciones
lifecycle-expires = Caduca
lifecycle-never = Nunca
lifecycle-at-the-date-below-utc = En la fecha de abajo (UTC)
lifecycle-date-utc = Fecha (UTC)
lifecycle-custom-url = URL personalizada
lifecycle-e-g-my-notes-optional = p. ej. mis-notas (opcional)
lifecycle-comments = Comentarios
lifecycle-read-only = Solo lectura
lifecycle-archived = archivado
lifecycle-pinned-gists = Gists fijados
lifecycle-pinned = Fijados
lifecycle-move-up = Subir
lifecycle-move-down = Bajar
lifecycle-unpin = Desfijar
lifecycle-keep = Mantener: { $time }
lifecycle-in-days = { $count ->
    [one] En { $count } día
   *[other] En { $count } días
}
lifecycle-in-hours = { $count ->
    [one] En { $count } hora
   *[other] En { $count } horas
}
lifecycle-unarchive = Desarchivar
lifecycle-archive = Archivar
lifecycle-pin = Fijar en el perfil
lifecycle-unpin-profile = Quitar del perfil

## lists

lists-explore = Explorar
lists-explore-public-gists = Explorar gists públicos
lists-topic = Tema
lists-loading = Cargando…
lists-nobody-has-starred-this-gist = Nadie ha destacado este gist todavía.
lists-sort = Ordenar:
lists-recently-updated = Actualizados recientemente
lists-newest = Más nuevos
lists-no-gists-here-yet = Aún no hay gists aquí.
lists-previous = ← Anterior
lists-next = Siguiente →
lists-tab-gists = Gists
lists-tab-starred = Destacados
lists-tab-forks = Forks
lists-topic-title = Tema: { $topic }
lists-stargazers = Quienes lo destacaron
lists-more-files = { $count ->
    [one] + { $count } archivo más
   *[other] + { $count } archivos más
}

## maintenance

maintenance-jobs = Tareas
maintenance-one-job-runs-at-a = Se ejecuta una tarea a la vez, en segundo plano; salir o recargar esta página no la detiene.
maintenance-no-job-has-run-since = No se ha ejecutado ninguna tarea desde que arrancó el servidor.
maintenance-progress = Progreso
maintenance-seconds = { $seconds } s
maintenance-minutes = { $minutes } min { $seconds } s
maintenance-state-running = en curso
maintenance-state-finished = terminada
maintenance-state-failed = fallida
maintenance-counting = contando…
maintenance-done-of = { $done } de { $total }

## pages

pages-share-code-keep-its-history = Comparte código, conserva su historia.
pages-gistful-hosts-snippets-notes-and = Gistful aloja fragmentos, notas y archivos pequeños. Cada gist es un repositorio git:
pages-create-a-gist = Crear un gist
pages-explore-public-gists = Explorar gists públicos
pages-page-not-found = Página no encontrada
pages-there-is-nothing-here-the = Aquí no hay nada. Puede que el gist se haya eliminado, o que sea privado.
pages-go-home = Ir al inicio
pages-no-such-page = No existe esa página
pages-go-to-the-first-page = Ir a la primera página
pages-edit-script-clone = edítalo aquí, automatízalo con una API compatible con GitHub, o clónalo y súbelo con git.
pages-list-empty = Esta lista está vacía.
pages-list-pages = { $count ->
    [one] Esta lista solo tiene una página.
   *[other] Esta lista tiene { $count } páginas.
}

## preferences

preferences-preferences = Preferencias
preferences-theme = Tema
preferences-wrap-long-lines-of-code = Ajustar las líneas largas de código (en vez de desplazar de lado)
preferences-tab-width = Ancho de tabulación
preferences-new-gists-start = Los gists nuevos empiezan
preferences-save-preferences = Guardar preferencias
preferences-saved = Preferencias guardadas.
preferences-theme-system = Igual que el sistema
preferences-theme-light = Claro
preferences-theme-dark = Oscuro
preferences-spaces = { $count ->
    [one] { $count } espacio
   *[other] { $count } espacios
}

## revisions

revisions-loading = Cargando…
revisions-newer = ← Más recientes
revisions-older = Más antiguas →
revisions-revised-this-gist = revisó este gist
revisions-large-diff-only-its-start = Diff grande: solo se muestra el principio. Compara los archivos completos:
revisions-before = antes
revisions-after = después
revisions-binary-file-changed = Archivo binario modificado.
revisions-title = Revisiones de { $title }
revisions-count = { $count ->
    [one] { $count } revisión
   *[other] { $count } revisiones
}
revisions-status-added = añadido
revisions-status-deleted = eliminado
revisions-status-modified = modificado
revisions-status-renamed = renombrado

## search

search-search-query = Consulta de búsqueda
search-search-gists = Buscar gists
search-search = Buscar
search-searching = Buscando…
search-sort = Ordenar:
search-best-match = Mejor coincidencia
search-recently-updated = Actualizados recientemente
search-languages = Lenguajes
search-no-gists-match-try-fewer = Ningún gist coincide. Prueba con menos palabras o quita un filtro.
search-previous = ← Anterior
search-next = Siguiente →
search-words-match-titles-descriptions-file = Las palabras buscan en títulos, descripciones, nombres de archivo y código;
search-and = y
search-match-by-their-parts-too = también coinciden por sus partes. Entrecomilla una frase:
search-narrow-with = Acota con
search-title = Búsqueda
search-title-query = { $query } · Búsqueda
search-found = { $count ->
    [one] { $count } gist encontrado
   *[other] { $count } gists encontrados
}

## second-factor

second-factor-two-factor-authentication = Autenticación en dos pasos
second-factor-this-sign-in-expired-or = Este inicio de sesión caducó o ya se usó.
second-factor-log-in-again = Volver a iniciar sesión
second-factor-open-your-authenticator-app-for = Abre tu app de autenticación para ver el código de 6 dígitos.
second-factor-verify = Verificar
second-factor-or = o
second-factor-use-a-passkey = Usar una llave de acceso
second-factor-sign-in-with-a-passkey = Iniciar sesión con una llave de acceso
second-factor-your-recovery-codes = Tus códigos de recuperación.
second-factor-keep-them-somewhere-safe-each = Guárdalos en un lugar seguro: cada uno te deja entrar una vez si pierdes el teléfono o la llave de acceso. No se volverán a mostrar.
second-factor-download = Descargar
second-factor-this-instance-requires-admins-to = Esta instancia exige un segundo factor a los administradores. Configura una app de autenticación o una llave de acceso para continuar.
second-factor-authenticator-app = App de autenticación
second-factor-an-authenticator-app-is-set = Hay una app de autenticación configurada: al entrar con contraseña se pide su código.
second-factor-remove-the-authenticator-app = Quitar la app de autenticación
second-factor-passkeys = Llaves de acceso
second-factor-a-passkey-signs-you-in = Una llave de acceso te permite entrar sin contraseña, o como segundo paso tras ella.
second-factor-name = Nombre
second-factor-added = Añadida
second-factor-last-used = Último uso
second-factor-remove = Quitar
second-factor-passkey-name = Nombre de la llave
second-factor-e-g-laptop = p. ej. portátil
second-factor-keep-them-somewhere-safe-each-2 = Guárdalos en un lugar seguro: cada uno te deja entrar una vez si pierdes la llave de acceso. No se volverán a mostrar.
second-factor-done = Hecho
second-factor-add-a-passkey = Añadir una llave de acceso
second-factor-recovery-codes = Códigos de recuperación
second-factor-make-new-recovery-codes = Generar códigos nuevos
second-factor-use-an-app-such-as = Usa una app como Aegis, 1Password, Google Authenticator o FreeOTP para obtener un código de 6 dígitos en cada inicio de sesión.
second-factor-set-up-an-authenticator-app = Configurar una app de autenticación
second-factor-qr-code-of-the-authenticator = Código QR del secreto de autenticación
second-factor-scan-the-code-with-your = Escanea el código con tu app, o escribe este secreto en ella:
second-factor-code-from-the-app = Código de la app
second-factor-confirm = Confirmar
second-factor-signing-in-as = Iniciando sesión como { $username }.
second-factor-code-or-recovery = Código de autenticación o de recuperación
second-factor-recovery-code = Código de recuperación
second-factor-codes-left = { $count ->
    [one] Queda { $count } de { $total } códigos de recuperación.
   *[other] Quedan { $count } de { $total } códigos de recuperación.
}
second-factor-remove-named = Quitar la llave de acceso { $name }

## settings

settings-settings = Ajustes
settings-loading = Cargando…
settings-log-in-to-change-your = Inicia sesión para cambiar tus ajustes.
settings-log-in = Iniciar sesión
settings-profile = Perfil
settings-display-name = Nombre visible
settings-email = Correo
settings-bio = Biografía
settings-show-my-email-address-in = Mostrar mi correo en los commits de mis gists (si no, llevan
settings-as-anyone-who-clones-a = , ya que cualquiera que clone un gist público puede leer sus commits)
settings-save-profile = Guardar perfil
settings-password = Contraseña
settings-current-password = Contraseña actual
settings-new-password = Contraseña nueva
settings-change-password = Cambiar contraseña
settings-delete-account = Eliminar la cuenta
settings-deletes-your-account-your-gists = Elimina tu cuenta, tus gists y su historial. No se puede deshacer.
settings-password-to-delete-the-account = Contraseña para eliminar la cuenta
settings-type-your-username-to-confirm = Escribe tu nombre de usuario para confirmar
settings-your-username-to-delete-the = Tu nombre de usuario, para eliminar la cuenta
settings-delete-my-account = Eliminar mi cuenta
settings-access-tokens = Tokens de acceso
settings-tokens-let-scripts-and-github = Los tokens permiten a scripts y clientes de GitHub usar la API:
settings-your-new-token-copy-it = Tu token nuevo. Cópialo ahora: no se volverá a mostrar.
settings-name = Nombre
settings-e-g-laptop = p. ej. portátil
settings-scopes = Permisos
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Caduca
settings-in-30-days = en 30 días
settings-in-90-days = en 90 días
settings-in-a-year = en un año
settings-never = nunca
settings-create-token = Crear token
settings-last-used = Último uso
settings-revoke = Revocar
settings-linked-you-can-now-sign = Vinculado. Ya puedes iniciar sesión con él.
settings-sign-in-providers = Proveedores de inicio de sesión
settings-unlink = Desvincular
settings-link = Vincular
settings-username = Nombre de usuario
settings-your-sign-in-provider-chose = Tu proveedor de inicio de sesión eligió este nombre. Puedes cambiarlo una vez.
settings-keep-this-username = Mantener este nombre de usuario
settings-profile-saved = Perfil guardado.
settings-password-changed = Contraseña cambiada.
settings-not-linked = Sin vincular
settings-linked-since = Vinculado desde { $date }
settings-unlink-named = Desvincular { $name }
settings-link-named = Vincular { $name }

## ssh-keys

ssh-keys-ssh-keys = Claves SSH
ssh-keys-keys-that-clone-and-push = Claves que clonan y suben tus gists por SSH (Ed25519, ECDSA o RSA de 2048 bits o más).
ssh-keys-name = Nombre
ssh-keys-fingerprint = Huella
ssh-keys-added = Añadida
ssh-keys-last-used = Último uso
ssh-keys-remove = Quitar
ssh-keys-key-name = Nombre de la clave
ssh-keys-e-g-laptop = p. ej. portátil
ssh-keys-public-key = Clave pública
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... tu@portatil (el contenido de ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = Añadir clave SSH
ssh-keys-with-these-lines-in = Con estas líneas en
ssh-keys-works = funciona:
ssh-keys-remove-named = Quitar la clave SSH { $name }

## theme

theme-switch-to-light = Cambiar al tema claro
theme-switch-to-dark = Cambiar al tema oscuro
theme-toggle = Cambiar tema

## time

time-just-now = ahora mismo
time-minutes-ago = { $count ->
    [one] hace { $count } minuto
   *[other] hace { $count } minutos
}
time-hours-ago = { $count ->
    [one] hace { $count } hora
   *[other] hace { $count } horas
}
time-days-ago = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
}
time-months-ago = { $count ->
    [one] hace { $count } mes
   *[other] hace { $count } meses
}
time-years-ago = { $count ->
    [one] hace { $count } año
   *[other] hace { $count } años
}
time-expires-soon = caduca en menos de un minuto
time-expires-minutes = { $count ->
    [one] caduca en { $count } minuto
   *[other] caduca en { $count } minutos
}
time-expires-hours = { $count ->
    [one] caduca en { $count } hora
   *[other] caduca en { $count } horas
}
time-expires-days = { $count ->
    [one] caduca en { $count } día
   *[other] caduca en { $count } días
}

## visibility

visibility-public = público
visibility-unlisted = no listado
visibility-private = privado

## branding

admin-tab-branding = Marca
admin-brand-name = Nombre de la instancia
admin-brand-name-help = Aparece en la cabecera, los títulos de página y las inserciones. Déjalo vacío para «Gistful».
admin-brand-pinned = Definido por el archivo de configuración.
admin-brand-links = Enlaces del pie de página
admin-brand-links-help = Uno por línea: Etiqueta | https://dirección (o una ruta de este sitio, como /about).
admin-brand-accent = Color de acento
admin-brand-accent-blue = Azul
admin-brand-accent-green = Verde
admin-brand-accent-purple = Morado
admin-brand-accent-orange = Naranja
admin-brand-accent-red = Rojo
admin-brand-accent-pink = Rosa
admin-brand-accent-teal = Verde azulado
admin-brand-theme = Tema predeterminado
admin-brand-sort = Orden predeterminado de las listas
admin-brand-soft-wrap = Ajustar las líneas largas de código
admin-brand-soft-wrap-help = Para visitantes sin cuenta; cada persona elige el suyo en Ajustes.
admin-brand-save = Guardar la marca
admin-brand-saved = Marca guardada.
admin-brand-logo = Logotipo
admin-brand-favicon = Favicon
admin-brand-choose-file = Archivo de imagen
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO o SVG, como máximo { $kib } KiB.
admin-brand-upload = Subir
admin-brand-remove = Quitar
admin-brand-uploaded = Imagen guardada.
admin-brand-none = Todavía ninguna.
brand-refused-empty = Elige primero un archivo.
brand-refused-too-large = La imagen supera los { $kib } KiB.
brand-refused-too-many-pixels = La imagen supera los { $pixels } píxeles de ancho o de alto.
brand-refused-not-an-image = Ese archivo no es una imagen PNG, JPEG, GIF, WebP, ICO ni SVG.
brand-refused-unsafe-svg = El SVG contiene scripts, manejadores de eventos o enlaces a otros archivos, así que se rechazó.

admin-tab-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-user-intro = Direcciones avisadas cuando uno de tus gists se crea, edita, recibe un push, se borra, recibe una estrella, se bifurca o se comenta. Cada petición va firmada con tu secreto (HMAC-SHA256) en
webhooks-instance-intro = Direcciones avisadas de cada gist público de esta instancia. Cada petición va firmada con el secreto del webhook (HMAC-SHA256) en
webhooks-url = URL de destino
webhooks-secret = Secreto
webhooks-events = Eventos
webhooks-add = Añadir webhook
webhooks-remove = Quitar
webhooks-remove-named = Quitar el webhook a { $url }
webhooks-deliveries = Entregas recientes
webhooks-none-yet = Aún no hay entregas.
webhooks-when = Cuándo
webhooks-event = Evento
webhooks-status = Estado
webhooks-response = Respuesta
webhooks-attempts = Intentos
webhooks-redeliver = Reenviar
webhooks-ping = Enviar ping
webhooks-ping-named = Enviar un ping a { $url }
webhooks-status-pending = En espera
webhooks-status-delivered = Entregado
webhooks-status-failed = Fallido
