# Gistful auf Deutsch.

## admin

admin-loading = Wird geladen…
admin-admin = Verwaltung
admin-administration = Verwaltung
admin-the-configuration-file-turns-the = Die Konfigurationsdatei schaltet die API ab (api.enabled: false); das hat Vorrang vor diesem Schalter.
admin-save-settings = Einstellungen speichern
admin-could-not-load-the-users = Die Benutzer konnten nicht geladen werden.
admin-user = Benutzer
admin-email = E-Mail
admin-role = Rolle
admin-gists = Gists
admin-joined = Dabei seit
admin-delete = Löschen
admin-you = du
admin-could-not-load-the-gists = Die Gists konnten nicht geladen werden.
admin-gist = Gist
admin-owner = Besitzer
admin-visibility = Sichtbarkeit
admin-files = Dateien
admin-updated = Aktualisiert
admin-previous = ← Zurück
admin-next = Weiter →
admin-consistency-check = Konsistenzprüfung
admin-compares-every-gist-in-the = Vergleicht jeden Gist in der Datenbank mit seinem Git-Repository und meldet nur; der Auftrag „Prüfen und reparieren“ oben (oder
admin-repairs-safely-while-the-server = ) repariert, sicher während der Server läuft: Er löscht nie und lässt laufende Schreibvorgänge in Ruhe.
admin-run-consistency-check = Konsistenzprüfung starten
admin-tab-settings = Einstellungen
admin-tab-users = Benutzer
admin-tab-gists = Gists
admin-tab-maintenance = Wartung
admin-disable-signup = Registrierung abschalten
admin-disable-signup-help = Niemand kann sich registrieren; Admins legen Konten mit dem Befehl gistful admin create-user an.
admin-require-login = Anmeldung verlangen
admin-require-login-help = Jede Seite, jeder API-Aufruf, jede Rohdatei und jeder Klon braucht einen angemeldeten Benutzer.
admin-allow-individual-gists = Einzelne Gists ohne Anmeldung erlauben
admin-allow-individual-gists-help = Mit „Anmeldung verlangen“: Ein einzelner Gist bleibt für alle mit seinem Link lesbar.
admin-api-enabled = REST-API aktiv
admin-api-enabled-help = Die /api-Endpunkte für Skripte und Gist-Clients.
admin-require-admin-mfa = Zweiten Faktor für Admins verlangen
admin-require-admin-mfa-help = Admins ohne Authenticator-App oder Passkey werden bei der Anmeldung zur Einrichtung geschickt und können dieses Panel bis dahin nicht nutzen.
admin-settings-saved = Einstellungen gespeichert.
admin-users-count = { $count ->
    [one] { $count } Benutzer
   *[other] { $count } Benutzer
}
admin-gists-count = { $count ->
    [one] { $count } Gist
   *[other] { $count } Gists
}
admin-role-admin = Admin
admin-role-user = Benutzer
admin-demote = Herabstufen
admin-make-admin = Zum Admin machen
admin-confirm-delete-user = Diesen Benutzer mit all seinen Gists löschen?
admin-confirm-delete-gist = Diesen Gist und seine Geschichte löschen?
admin-page-of = Seite { $page } von { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] { $count } Gist geprüft:
   *[other] { $count } Gists geprüft:
}
admin-consistent = alles ist konsistent.
admin-problems-found = Probleme gefunden.
admin-missing-repositories = Fehlende Repositories
admin-missing-repositories-help = Gists, deren Repository fehlt.
admin-orphan-repositories = Verwaiste Repositories
admin-orphan-repositories-help = Repositories, auf die kein Gist verweist.
admin-stale-rows = Veraltete Zeilen
admin-stale-rows-help = Zeilen, die eine andere Revision als den Kopf des Repositorys beschreiben.

## auth

auth-log-in = Anmelden
auth-log-in-to-gistful = Bei Gistful anmelden
auth-username = Benutzername
auth-password = Passwort
auth-new-here = Neu hier?
auth-create-an-account = Konto anlegen
auth-register = Registrieren
auth-create-your-account = Dein Konto anlegen
auth-email = E-Mail
auth-create-account = Konto anlegen
auth-already-have-an-account = Schon ein Konto?
auth-or = oder
auth-sign-in-with = Mit { $provider } anmelden

## comments

comments-comments-are-turned-off-for = Kommentare sind für diesen Gist abgeschaltet.
comments-comments = Kommentare
comments-no-comments-yet = Noch keine Kommentare.
comments-add-a-comment = Kommentar schreiben
comments-markdown-works-here = Markdown funktioniert hier
comments-comment = Kommentieren
comments-log-in = Melde dich an,
comments-to-comment = um zu kommentieren.
comments-delete = Löschen
comments-edit-comment = Kommentar bearbeiten
comments-save = Speichern
comments-cancel = Abbrechen

## count

count-forks = { $count ->
    [one] { $count } Fork
   *[other] { $count } Forks
}
count-stars = { $count ->
    [one] { $count } Stern
   *[other] { $count } Sterne
}

## gist

gist-loading = Wird geladen…
gist-forked-from = geforkt von
gist-revisions = Revisionen
gist-download-zip = ZIP herunterladen
gist-log-in-to-star-or = Anmelden, um zu markieren oder zu forken
gist-fork = Forken
gist-edit = Bearbeiten
gist-delete = Löschen
gist-clone = Klonen
gist-clone-over = Klonen über
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Herunterladen
gist-view-it-raw = Roh ansehen
gist-raw = Roh
gist-download = Herunterladen
gist-new-gist = Neuer Gist
gist-create-a-gist = Einen Gist anlegen
gist-log-in-to-create-gists = Melde dich an, um Gists anzulegen.
gist-log-in = Anmelden
gist-title = Titel
gist-optional = Optional
gist-description = Beschreibung
gist-what-is-this-gist-about = Worum geht es in diesem Gist?
gist-create-gist = Gist anlegen
gist-edit-gist = Gist bearbeiten
gist-back-to-the-gist = Zurück zum Gist
gist-log-in-to-edit-your = Melde dich an, um deine Gists zu bearbeiten.
gist-cancel = Abbrechen
gist-save-changes = Änderungen speichern
gist-topics = Themen
gist-e-g-rust-cli-up = z. B. rust, cli (bis zu 10)
gist-visibility = Sichtbarkeit
gist-add-file = Datei hinzufügen
gist-filename-including-extension = Dateiname mit Endung…
gist-file-name = Dateiname
gist-language = Sprache
gist-remove = Entfernen
gist-binary-file-kept-as-it = Binärdatei: bleibt wie sie ist (hier umbenennen oder entfernen).
gist-file-content = Dateiinhalt
gist-rendering = Wird dargestellt…
gist-size-mb = { $size } MB
gist-size-kb = { $size } KB
gist-size-bytes = { $count ->
    [one] { $count } Byte
   *[other] { $count } Bytes
}
gist-files-count = { $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
}
gist-embed = Einbetten
gist-copied = Kopiert
gist-copy = Kopieren
gist-unstar = ★ Stern entfernen
gist-star = ☆ Stern geben
gist-binary-file = { $count ->
    [one] Binärdatei, { $count } Byte.
   *[other] Binärdatei, { $count } Bytes.
}
gist-large-file = { $count ->
    [one] Diese Datei ist groß ({ $size }): Die erste Zeile wird gezeigt.
   *[other] Diese Datei ist groß ({ $size }): Die ersten { $count } Zeilen werden gezeigt.
}
gist-language-auto = Automatisch ({ $language })
gist-preview = Vorschau

## job

job-reindex = Suche neu indexieren
job-reindex-help = Leert den Suchindex dieses Servers und indexiert jeden Gist neu; die Suche funktioniert weiter und holt dabei auf.
job-repack = Repositories neu packen
job-repack-help = Packt die Objekte jedes Repositorys (git gc), eines nach dem anderen, während sein Gist gesperrt ist; nichts Erreichbares wird entfernt.
job-repair = Prüfen und reparieren
job-repair-help = Vergleicht jeden Gist mit seinem Repository: Zeilen hinter ihrem Repository werden nachgezogen, Repositories ohne Gist nach lost+found verschoben, fehlende Repositories gemeldet. Nichts wird gelöscht.
job-regenerate = Vorschauen und Sprachen neu erzeugen
job-regenerate-help = Schreibt Dateivorschauen und Sprachen jedes Gists aus seinem Repository nach den aktuellen Regeln neu; Köpfe und Daten bleiben, wie sie sind.
job-purge-expired = Abgelaufene Gists löschen
job-purge-expired-help = Löscht die Gists, deren Ablaufzeit vorbei ist (sie antworten schon jetzt allen mit 404).

## layout

layout-gistful = Gistful
layout-explore = Entdecken
layout-search-gists = Gists durchsuchen
layout-new-gist = Neuer Gist
layout-api = API
layout-admin = Verwaltung
layout-settings = Einstellungen
layout-log-out = Abmelden
layout-log-in = Anmelden
layout-register = Registrieren
layout-language = Sprache der Seite
layout-change-language = Wechseln

## lifecycle

lifecycle-options = Optionen
lifecycle-expires = Läuft ab
lifecycle-never = Nie
lifecycle-at-the-date-below-utc = Am Datum unten (UTC)
lifecycle-date-utc = Datum (UTC)
lifecycle-custom-url = Eigene URL
lifecycle-e-g-my-notes-optional = z. B. meine-notizen (optional)
lifecycle-comments = Kommentare
lifecycle-read-only = Nur lesbar
lifecycle-archived = archiviert
lifecycle-pinned-gists = Angeheftete Gists
lifecycle-pinned = Angeheftet
lifecycle-move-up = Nach oben
lifecycle-move-down = Nach unten
lifecycle-unpin = Lösen
lifecycle-keep = Beibehalten: { $time }
lifecycle-in-days = { $count ->
    [one] In { $count } Tag
   *[other] In { $count } Tagen
}
lifecycle-in-hours = { $count ->
    [one] In { $count } Stunde
   *[other] In { $count } Stunden
}
lifecycle-unarchive = Aus dem Archiv holen
lifecycle-archive = Archivieren
lifecycle-pin = Ans Profil heften
lifecycle-unpin-profile = Vom Profil lösen

## lists

lists-explore = Entdecken
lists-explore-public-gists = Öffentliche Gists entdecken
lists-topic = Thema
lists-loading = Wird geladen…
lists-nobody-has-starred-this-gist = Noch niemand hat diesem Gist einen Stern gegeben.
lists-sort = Sortieren:
lists-recently-updated = Zuletzt aktualisiert
lists-newest = Neueste
lists-no-gists-here-yet = Hier gibt es noch keine Gists.
lists-previous = ← Zurück
lists-next = Weiter →
lists-tab-gists = Gists
lists-tab-starred = Mit Stern
lists-tab-forks = Forks
lists-topic-title = Thema: { $topic }
lists-stargazers = Sterngeber
lists-more-files = { $count ->
    [one] + { $count } weitere Datei
   *[other] + { $count } weitere Dateien
}

## maintenance

maintenance-jobs = Aufträge
maintenance-one-job-runs-at-a = Es läuft immer nur ein Auftrag, im Hintergrund; Verlassen oder Neuladen dieser Seite hält ihn nicht an.
maintenance-no-job-has-run-since = Seit dem Serverstart ist kein Auftrag gelaufen.
maintenance-progress = Fortschritt
maintenance-seconds = { $seconds } s
maintenance-minutes = { $minutes } min { $seconds } s
maintenance-state-running = läuft
maintenance-state-finished = fertig
maintenance-state-failed = fehlgeschlagen
maintenance-counting = wird gezählt…
maintenance-done-of = { $done } von { $total }

## pages

pages-share-code-keep-its-history = Code teilen, seine Geschichte behalten.
pages-gistful-hosts-snippets-notes-and = Gistful beherbergt Schnipsel, Notizen und kleine Dateien. Jeder Gist ist ein Git-Repository:
pages-create-a-gist = Einen Gist anlegen
pages-explore-public-gists = Öffentliche Gists entdecken
pages-page-not-found = Seite nicht gefunden
pages-there-is-nothing-here-the = Hier ist nichts. Der Gist wurde vielleicht gelöscht, oder er ist privat.
pages-go-home = Zur Startseite
pages-no-such-page = Diese Seite gibt es nicht
pages-go-to-the-first-page = Zur ersten Seite
pages-edit-script-clone = bearbeite ihn hier, steuere ihn per Skript über eine GitHub-kompatible API, oder klone und pushe ihn mit git.
pages-list-empty = Diese Liste ist leer.
pages-list-pages = { $count ->
    [one] Diese Liste hat nur eine Seite.
   *[other] Diese Liste hat { $count } Seiten.
}

## preferences

preferences-preferences = Vorlieben
preferences-theme = Farbschema
preferences-wrap-long-lines-of-code = Lange Codezeilen umbrechen (statt seitwärts zu scrollen)
preferences-tab-width = Tabulatorbreite
preferences-new-gists-start = Neue Gists sind zunächst
preferences-save-preferences = Vorlieben speichern
preferences-saved = Vorlieben gespeichert.
preferences-theme-system = Wie das System
preferences-theme-light = Hell
preferences-theme-dark = Dunkel
preferences-spaces = { $count ->
    [one] { $count } Leerzeichen
   *[other] { $count } Leerzeichen
}

## revisions

revisions-loading = Wird geladen…
revisions-newer = ← Neuer
revisions-older = Älter →
revisions-revised-this-gist = hat diesen Gist überarbeitet
revisions-large-diff-only-its-start = Großer Diff: Nur sein Anfang wird gezeigt. Vergleiche die ganzen Dateien:
revisions-before = vorher
revisions-after = nachher
revisions-binary-file-changed = Binärdatei geändert.
revisions-title = Revisionen von { $title }
revisions-count = { $count ->
    [one] { $count } Revision
   *[other] { $count } Revisionen
}
revisions-status-added = hinzugefügt
revisions-status-deleted = gelöscht
revisions-status-modified = geändert
revisions-status-renamed = umbenannt

## search

search-search-query = Suchanfrage
search-search-gists = Gists durchsuchen
search-search = Suchen
search-searching = Suche läuft…
search-sort = Sortieren:
search-best-match = Beste Treffer
search-recently-updated = Zuletzt aktualisiert
search-languages = Sprachen
search-no-gists-match-try-fewer = Keine Gists gefunden. Versuche weniger Wörter oder entferne einen Filter.
search-previous = ← Zurück
search-next = Weiter →
search-words-match-titles-descriptions-file = Wörter treffen Titel, Beschreibungen, Dateinamen und Code;
search-and = und
search-match-by-their-parts-too = treffen auch über ihre Teile. Einen Ausdruck in Anführungszeichen:
search-narrow-with = Eingrenzen mit
search-title = Suche
search-title-query = { $query } · Suche
search-found = { $count ->
    [one] { $count } Gist gefunden
   *[other] { $count } Gists gefunden
}

## second-factor

second-factor-two-factor-authentication = Zwei-Faktor-Authentifizierung
second-factor-this-sign-in-expired-or = Diese Anmeldung ist abgelaufen oder wurde schon benutzt.
second-factor-log-in-again = Erneut anmelden
second-factor-open-your-authenticator-app-for = Öffne deine Authenticator-App für den 6-stelligen Code.
second-factor-verify = Bestätigen
second-factor-or = oder
second-factor-use-a-passkey = Passkey verwenden
second-factor-sign-in-with-a-passkey = Mit einem Passkey anmelden
second-factor-your-recovery-codes = Deine Wiederherstellungscodes.
second-factor-keep-them-somewhere-safe-each = Bewahre sie sicher auf: Jeder meldet dich einmal an, falls du dein Telefon oder deinen Passkey verlierst. Sie werden nicht noch einmal gezeigt.
second-factor-download = Herunterladen
second-factor-this-instance-requires-admins-to = Diese Instanz verlangt von Admins einen zweiten Faktor. Richte eine Authenticator-App oder einen Passkey ein, um fortzufahren.
second-factor-authenticator-app = Authenticator-App
second-factor-an-authenticator-app-is-set = Eine Authenticator-App ist eingerichtet: Die Anmeldung mit Passwort fragt nach ihrem Code.
second-factor-remove-the-authenticator-app = Authenticator-App entfernen
second-factor-passkeys = Passkeys
second-factor-a-passkey-signs-you-in = Ein Passkey meldet dich ohne Passwort an, oder als zweiter Schritt danach.
second-factor-name = Name
second-factor-added = Hinzugefügt
second-factor-last-used = Zuletzt benutzt
second-factor-remove = Entfernen
second-factor-passkey-name = Name des Passkeys
second-factor-e-g-laptop = z. B. Laptop
second-factor-keep-them-somewhere-safe-each-2 = Bewahre sie sicher auf: Jeder meldet dich einmal an, falls du deinen Passkey verlierst. Sie werden nicht noch einmal gezeigt.
second-factor-done = Fertig
second-factor-add-a-passkey = Passkey hinzufügen
second-factor-recovery-codes = Wiederherstellungscodes
second-factor-make-new-recovery-codes = Neue Wiederherstellungscodes erzeugen
second-factor-use-an-app-such-as = Nutze eine App wie Aegis, 1Password, Google Authenticator oder FreeOTP für einen 6-stelligen Code bei jeder Anmeldung.
second-factor-set-up-an-authenticator-app = Authenticator-App einrichten
second-factor-qr-code-of-the-authenticator = QR-Code des Authenticator-Geheimnisses
second-factor-scan-the-code-with-your = Scanne den Code mit deiner App oder gib dieses Geheimnis ein:
second-factor-code-from-the-app = Code aus der App
second-factor-confirm = Bestätigen
second-factor-signing-in-as = Anmeldung als { $username }.
second-factor-code-or-recovery = Authentifizierungscode oder Wiederherstellungscode
second-factor-recovery-code = Wiederherstellungscode
second-factor-codes-left = { $count ->
    [one] { $count } von { $total } Wiederherstellungscodes übrig.
   *[other] { $count } von { $total } Wiederherstellungscodes übrig.
}
second-factor-remove-named = Passkey { $name } entfernen

## settings

settings-settings = Einstellungen
settings-loading = Wird geladen…
settings-log-in-to-change-your = Melde dich an, um deine Einstellungen zu ändern.
settings-log-in = Anmelden
settings-profile = Profil
settings-display-name = Anzeigename
settings-email = E-Mail
settings-bio = Über mich
settings-show-my-email-address-in = Meine E-Mail-Adresse in den Commits meiner Gists zeigen (sonst tragen sie
settings-as-anyone-who-clones-a = , denn jeder, der einen öffentlichen Gist klont, kann seine Commits lesen)
settings-save-profile = Profil speichern
settings-password = Passwort
settings-current-password = Aktuelles Passwort
settings-new-password = Neues Passwort
settings-change-password = Passwort ändern
settings-delete-account = Konto löschen
settings-deletes-your-account-your-gists = Löscht dein Konto, deine Gists und ihre Geschichte. Das lässt sich nicht rückgängig machen.
settings-password-to-delete-the-account = Passwort, um das Konto zu löschen
settings-type-your-username-to-confirm = Gib zur Bestätigung deinen Benutzernamen ein
settings-your-username-to-delete-the = Dein Benutzername, um das Konto zu löschen
settings-delete-my-account = Mein Konto löschen
settings-access-tokens = Zugriffstokens
settings-tokens-let-scripts-and-github = Tokens lassen Skripte und GitHub-Clients die API nutzen:
settings-your-new-token-copy-it = Dein neues Token. Kopiere es jetzt: Es wird nicht noch einmal gezeigt.
settings-name = Name
settings-e-g-laptop = z. B. Laptop
settings-scopes = Berechtigungen
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Läuft ab
settings-in-30-days = in 30 Tagen
settings-in-90-days = in 90 Tagen
settings-in-a-year = in einem Jahr
settings-never = nie
settings-create-token = Token erzeugen
settings-last-used = Zuletzt benutzt
settings-revoke = Widerrufen
settings-linked-you-can-now-sign = Verknüpft. Du kannst dich jetzt damit anmelden.
settings-sign-in-providers = Anmeldedienste
settings-unlink = Trennen
settings-link = Verknüpfen
settings-username = Benutzername
settings-your-sign-in-provider-chose = Dein Anmeldedienst hat diesen Namen gewählt. Du kannst ihn einmal ändern.
settings-keep-this-username = Diesen Benutzernamen behalten
settings-profile-saved = Profil gespeichert.
settings-password-changed = Passwort geändert.
settings-not-linked = Nicht verknüpft
settings-linked-since = Verknüpft seit { $date }
settings-unlink-named = { $name } trennen
settings-link-named = { $name } verknüpfen

## ssh-keys

ssh-keys-ssh-keys = SSH-Schlüssel
ssh-keys-keys-that-clone-and-push = Schlüssel, die deine Gists über SSH klonen und pushen (Ed25519, ECDSA oder RSA ab 2048 Bit).
ssh-keys-name = Name
ssh-keys-fingerprint = Fingerabdruck
ssh-keys-added = Hinzugefügt
ssh-keys-last-used = Zuletzt benutzt
ssh-keys-remove = Entfernen
ssh-keys-key-name = Name des Schlüssels
ssh-keys-e-g-laptop = z. B. Laptop
ssh-keys-public-key = Öffentlicher Schlüssel
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... du@laptop (der Inhalt von ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = SSH-Schlüssel hinzufügen
ssh-keys-with-these-lines-in = Mit diesen Zeilen in
ssh-keys-works = funktioniert:
ssh-keys-remove-named = SSH-Schlüssel { $name } entfernen

## theme

theme-switch-to-light = Zum hellen Farbschema wechseln
theme-switch-to-dark = Zum dunklen Farbschema wechseln
theme-toggle = Farbschema umschalten

## time

time-just-now = gerade eben
time-minutes-ago = { $count ->
    [one] vor { $count } Minute
   *[other] vor { $count } Minuten
}
time-hours-ago = { $count ->
    [one] vor { $count } Stunde
   *[other] vor { $count } Stunden
}
time-days-ago = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
}
time-months-ago = { $count ->
    [one] vor { $count } Monat
   *[other] vor { $count } Monaten
}
time-years-ago = { $count ->
    [one] vor { $count } Jahr
   *[other] vor { $count } Jahren
}
time-expires-soon = läuft in weniger als einer Minute ab
time-expires-minutes = { $count ->
    [one] läuft in { $count } Minute ab
   *[other] läuft in { $count } Minuten ab
}
time-expires-hours = { $count ->
    [one] läuft in { $count } Stunde ab
   *[other] läuft in { $count } Stunden ab
}
time-expires-days = { $count ->
    [one] läuft in { $count } Tag ab
   *[other] läuft in { $count } Tagen ab
}

## visibility

visibility-public = öffentlich
visibility-unlisted = nicht gelistet
visibility-private = privat

## branding

admin-tab-branding = Branding
admin-brand-name = Name der Instanz
admin-brand-name-help = Erscheint in der Kopfzeile, in Seitentiteln und in Einbettungen. Leer lassen für „Gistful“.
admin-brand-pinned = Durch die Konfigurationsdatei festgelegt.
admin-brand-links = Links in der Fußzeile
admin-brand-links-help = Einer pro Zeile: Bezeichnung | https://adresse (oder ein Pfad dieser Seite wie /about).
admin-brand-accent = Akzentfarbe
admin-brand-accent-blue = Blau
admin-brand-accent-green = Grün
admin-brand-accent-purple = Lila
admin-brand-accent-orange = Orange
admin-brand-accent-red = Rot
admin-brand-accent-pink = Rosa
admin-brand-accent-teal = Petrol
admin-brand-theme = Standard-Design
admin-brand-sort = Standardsortierung von Listen
admin-brand-soft-wrap = Lange Codezeilen umbrechen
admin-brand-soft-wrap-help = Für Besucher ohne Konto; alle anderen wählen selbst in den Einstellungen.
admin-brand-save = Branding speichern
admin-brand-saved = Branding gespeichert.
admin-brand-logo = Logo
admin-brand-favicon = Favicon
admin-brand-choose-file = Bilddatei
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO oder SVG, höchstens { $kib } KiB.
admin-brand-upload = Hochladen
admin-brand-remove = Entfernen
admin-brand-uploaded = Bild gespeichert.
admin-brand-none = Noch keines.
brand-refused-empty = Bitte zuerst eine Datei wählen.
brand-refused-too-large = Das Bild ist größer als { $kib } KiB.
brand-refused-too-many-pixels = Das Bild ist breiter oder höher als { $pixels } Pixel.
brand-refused-not-an-image = Diese Datei ist kein PNG-, JPEG-, GIF-, WebP-, ICO- oder SVG-Bild.
brand-refused-unsafe-svg = Das SVG enthält Skripte, Ereignis-Handler oder Verweise auf andere Dateien und wurde abgelehnt.

admin-tab-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-user-intro = Adressen, die benachrichtigt werden, wenn einer deiner Gists erstellt, bearbeitet, gepusht, gelöscht, markiert, geforkt oder kommentiert wird. Jede Anfrage ist mit deinem Geheimnis (HMAC-SHA256) signiert in
webhooks-instance-intro = Adressen, die über jeden öffentlichen Gist dieser Instanz benachrichtigt werden. Jede Anfrage ist mit dem Geheimnis des Webhooks (HMAC-SHA256) signiert in
webhooks-url = Payload-URL
webhooks-secret = Geheimnis
webhooks-events = Ereignisse
webhooks-add = Webhook hinzufügen
webhooks-remove = Entfernen
webhooks-remove-named = Den Webhook an { $url } entfernen
webhooks-deliveries = Letzte Zustellungen
webhooks-none-yet = Noch keine Zustellungen.
webhooks-when = Wann
webhooks-event = Ereignis
webhooks-status = Status
webhooks-response = Antwort
webhooks-attempts = Versuche
webhooks-redeliver = Erneut zustellen
webhooks-ping = Ping senden
webhooks-ping-named = Einen Ping an { $url } senden
webhooks-status-pending = Wartet
webhooks-status-delivered = Zugestellt
webhooks-status-failed = Fehlgeschlagen
