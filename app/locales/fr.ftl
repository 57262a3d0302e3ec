# Gistful en français.

## admin

admin-loading = Chargement…
admin-admin = Administration
admin-administration = Administration
admin-the-configuration-file-turns-the = Le fichier de configuration désactive l’API (api.enabled: false) ; il l’emporte sur ce réglage.
admin-save-settings = Enregistrer les réglages
admin-could-not-load-the-users = Impossible de charger les utilisateurs.
admin-user = Utilisateur
admin-email = E-mail
admin-role = Rôle
admin-gists = Gists
admin-joined = Inscrit
admin-delete = Supprimer
admin-you = vous
admin-could-not-load-the-gists = Impossible de charger les gists.
admin-gist = Gist
admin-owner = Propriétaire
admin-visibility = Visibilité
admin-files = Fichiers
admin-updated = Mis à jour
admin-previous = ← Précédent
admin-next = Suivant →
admin-consistency-check = Vérification de cohérence
admin-compares-every-gist-in-the = Compare chaque gist de la base avec son dépôt git et ne fait que signaler ; la tâche « Vérifier et réparer » ci-dessus (ou
admin-repairs-safely-while-the-server = ) répare, sans risque pendant que le serveur tourne : elle ne supprime jamais et laisse les écritures en cours tranquilles.
admin-run-consistency-check = Lancer la vérification
admin-tab-settings = Réglages
admin-tab-users = Utilisateurs
admin-tab-gists = Gists
admin-tab-maintenance = Maintenance
admin-disable-signup = Fermer les inscriptions
admin-disable-signup-help = Personne ne peut s’inscrire ; les admins créent les comptes avec la commande gistful admin create-user.
admin-require-login = Exiger la connexion
admin-require-login-help = Chaque page, appel d’API, fichier brut et clone exige un utilisateur connecté.
admin-allow-individual-gists = Autoriser les gists individuels sans connexion
admin-allow-individual-gists-help = Avec « Exiger la connexion » : un gist reste lisible par quiconque a son lien.
admin-api-enabled = API REST activée
admin-api-enabled-help = Les points d’accès /api pour les scripts et les clients de gists.
admin-require-admin-mfa = Exiger un second facteur pour les admins
admin-require-admin-mfa-help = Les admins sans application d’authentification ni clé d’accès sont invités à en configurer une à la connexion, et ne peuvent pas utiliser ce panneau avant.
admin-settings-saved = Réglages enregistrés.
admin-users-count = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
admin-gists-count = { $count ->
    [one] { $count } gist
   *[other] { $count } gists
}
admin-role-admin = Admin
admin-role-user = Utilisateur
admin-demote = Rétrograder
admin-make-admin = Rendre admin
admin-confirm-delete-user = Supprimer cet utilisateur et tous ses gists ?
admin-confirm-delete-gist = Supprimer ce gist et son historique ?
admin-page-of = Page { $page } sur { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] { $count } gist vérifié :
   *[other] { $count } gists vérifiés :
}
admin-consistent = tout est cohérent.
admin-problems-found = des problèmes ont été trouvés.
admin-missing-repositories = Dépôts manquants
admin-missing-repositories-help = Gists dont le dépôt a disparu.
admin-orphan-repositories = Dépôts orphelins
admin-orphan-repositories-help = Dépôts auxquels aucun gist ne renvoie.
admin-stale-rows = Lignes périmées
admin-stale-rows-help = Lignes qui décrivent une autre révision que la tête du dépôt.

## auth

auth-log-in = Se connecter
auth-log-in-to-gistful = Se connecter à Gistful
auth-username = Nom d’utilisateur
auth-password = Mot de passe
auth-new-here = Nouveau ici ?
auth-create-an-account = Créer un compte
auth-register = S’inscrire
auth-create-your-account = Créez votre compte
auth-email = E-mail
auth-create-account = Créer le compte
auth-already-have-an-account = Déjà un compte ?
auth-or = ou
auth-sign-in-with = Se connecter avec { $provider }

## comments

comments-comments-are-turned-off-for = Les commentaires sont désactivés pour ce gist.
comments-comments = Commentaires
comments-no-comments-yet = Pas encore de commentaires.
comments-add-a-comment = Ajouter un commentaire
comments-markdown-works-here = Le Markdown fonctionne ici
comments-comment = Commenter
comments-log-in = Connectez-vous
comments-to-comment = pour commenter.
comments-delete = Supprimer
comments-edit-comment = Modifier le commentaire
comments-save = Enregistrer
comments-cancel = Annuler

## count

count-forks = { $count ->
    [one] { $count } fork
   *[other] { $count } forks
}
count-stars = { $count ->
    [one] { $count } étoile
   *[other] { $count } étoiles
}

## gist

gist-loading = Chargement…
gist-forked-from = forké depuis
gist-revisions = Révisions
gist-download-zip = Télécharger le ZIP
gist-log-in-to-star-or = Connectez-vous pour mettre une étoile ou forker
gist-fork = Forker
gist-edit = Modifier
gist-delete = Supprimer
gist-clone = Cloner
gist-clone-over = Cloner via
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Le télécharger
gist-view-it-raw = Le voir brut
gist-raw = Brut
gist-download = Télécharger
gist-new-gist = Nouveau gist
gist-create-a-gist = Créer un gist
gist-log-in-to-create-gists = Connectez-vous pour créer des gists.
gist-log-in = Se connecter
gist-title = Titre
gist-optional = Facultatif
gist-description = Description
gist-what-is-this-gist-about = De quoi parle ce gist ?
gist-create-gist = Créer le gist
gist-edit-gist = Modifier le gist
gist-back-to-the-gist = Retour au gist
gist-log-in-to-edit-your = Connectez-vous pour modifier vos gists.
gist-cancel = Annuler
gist-save-changes = Enregistrer les modifications
gist-topics = Sujets
gist-e-g-rust-cli-up = p. ex. rust, cli (10 au plus)
gist-visibility = Visibilité
gist-add-file = Ajouter un fichier
gist-filename-including-extension = Nom du fichier avec son extension…
gist-file-name = Nom du fichier
gist-language = Langage
gist-remove = Retirer
gist-binary-file-kept-as-it = Fichier binaire : conservé tel quel (renommez-le ou retirez-le ici).
gist-file-content = Contenu du fichier
gist-rendering = Rendu en cours…
gist-size-mb = { $size } Mo
gist-size-kb = { $size } Ko
gist-size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
gist-files-count = { $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
}
gist-embed = Intégrer
gist-copied = Copié
gist-copy = Copier
gist-unstar = ★ Retirer l’étoile
gist-star = ☆ Étoile
gist-binary-file = { $count ->
    [one] Fichier binaire, { $count } octet.
   *[other] Fichier binaire, { $count } octets.
}
gist-large-file = { $count ->
    [one] Ce fichier est volumineux ({ $size }) : seule la première ligne est affichée.
   *[other] Ce fichier est volumineux ({ $size }) : les { $count } premières lignes sont affichées.
}
gist-language-auto = Automatique ({ $language })
gist-preview = Aperçu

## job

job-reindex = Réindexer la recherche
job-reindex-help = Vide l’index de recherche de ce serveur et réindexe chaque gist ; la recherche continue de fonctionner et rattrape son retard.
job-repack = Recompacter les dépôts
job-repack-help = Compacte les objets de chaque dépôt (git gc), un dépôt à la fois pendant que son gist est verrouillé ; rien d’atteignable n’est supprimé.
job-repair = Vérifier et réparer
job-repair-help = Compare chaque gist avec son dépôt : les lignes en retard sur leur dépôt sont resynchronisées, les dépôts sans gist déplacés dans lost+found, les dépôts manquants signalés. Rien n’est supprimé.
job-regenerate = Régénérer aperçus et langages
job-regenerate-help = Réécrit les aperçus et langages des fichiers de chaque gist depuis son dépôt selon les règles actuelles ; têtes et dates restent inchangées.
job-purge-expired = Purger les gists expirés
job-purge-expired-help = Supprime les gists dont l’échéance est passée (ils répondent déjà 404 à tout le monde).

## layout

layout-gistful = Gistful
layout-explore = Explorer
layout-search-gists = Rechercher des gists
layout-new-gist = Nouveau gist
layout-api = API
layout-admin = Administration
layout-settings = Réglages
layout-log-out = Se déconnecter
layout-log-in = Se connecter
layout-register = S’inscrire
layout-language = Langue du site
layout-change-language = Changer

## lifecycle

lifecycle-options = Options
lifecycle-expires = Expire
lifecycle-never = Jamais
lifecycle-at-the-date-below-utc = À la date ci-dessous (UTC)
lifecycle-date-utc = Date (UTC)
lifecycle-custom-url = URL personnalisée
lifecycle-e-g-my-notes-optional = p. ex. mes-notes (facultatif)
lifecycle-comments = Commentaires
lifecycle-read-only = Lecture seule
lifecycle-archived = archivé
lifecycle-pinned-gists = Gists épinglés
lifecycle-pinned = Épinglés
lifecycle-move-up = Monter
lifecycle-move-down = Descendre
lifecycle-unpin = Désépingler
lifecycle-keep = Conserver : { $time }
lifecycle-in-days = { $count ->
    [one] Dans { $count } jour
   *[other] Dans { $count } jours
}
lifecycle-in-hours = { $count ->
    [one] Dans { $count } heure
   *[other] Dans { $count } heures
}
lifecycle-unarchive = Désarchiver
lifecycle-archive = Archiver
lifecycle-pin = Épingler au profil
lifecycle-unpin-profile = Désépingler du profil

## lists

lists-explore = Explorer
lists-explore-public-gists = Explorer les gists publics
lists-topic = Sujet
lists-loading = Chargement…
lists-nobody-has-starred-this-gist = Personne n’a encore mis d’étoile à ce gist.
lists-sort = Trier :
lists-recently-updated = Mis à jour récemment
lists-newest = Plus récents
lists-no-gists-here-yet = Pas encore de gists ici.
lists-previous = ← Précédent
lists-next = Suivant →
lists-tab-gists = Gists
lists-tab-starred = Étoilés
lists-tab-forks = Forks
lists-topic-title = Sujet : { $topic }
lists-stargazers = Étoiles
lists-more-files = { $count ->
    [one] + { $count } autre fichier
   *[other] + { $count } autres fichiers
}

## maintenance

maintenance-jobs = Tâches
maintenance-one-job-runs-at-a = Une seule tâche à la fois, en arrière-plan ; quitter ou recharger cette page ne l’arrête pas.
maintenance-no-job-has-run-since = Aucune tâche n’a tourné depuis le démarrage du serveur.
maintenance-progress = Progression
maintenance-seconds = { $seconds } s
maintenance-minutes = { $minutes } min { $seconds } s
maintenance-state-running = en cours
maintenance-state-finished = terminée
maintenance-state-failed = échouée
maintenance-counting = comptage…
maintenance-done-of = { $done } sur { $total }

## pages

pages-share-code-keep-its-history = Partagez du code, gardez son histoire.
pages-gistful-hosts-snippets-notes-and = Gistful héberge des extraits, des notes et de petits fichiers. Chaque gist est un dépôt git :
pages-create-a-gist = Créer un gist
pages-explore-public-gists = Explorer les gists publics
pages-page-not-found = Page introuvable
pages-there-is-nothing-here-the = Il n’y a rien ici. Le gist a peut-être été supprimé, ou il est privé.
pages-go-home = Retour à l’accueil
pages-no-such-page = Cette page n’existe pas
pages-go-to-the-first-page = Aller à la première page
pages-edit-script-clone = modifiez-le ici, pilotez-le par script via une API compatible GitHub, ou clonez-le et poussez-le avec git.
pages-list-empty = Cette liste est vide.
pages-list-pages = { $count ->
    [one] Cette liste n’a qu’une page.
   *[other] Cette liste a { $count } pages.
}

## preferences

preferences-preferences = Préférences
preferences-theme = Thème
preferences-wrap-long-lines-of-code = Renvoyer à la ligne les longues lignes de code (au lieu de défiler de côté)
preferences-tab-width = Largeur des tabulations
preferences-new-gists-start = Les nouveaux gists sont
preferences-save-preferences = Enregistrer les préférences
preferences-saved = Préférences enregistrées.
preferences-theme-system = Comme le système
preferences-theme-light = Clair
preferences-theme-dark = Sombre
preferences-spaces = { $count ->
    [one] { $count } espace
   *[other] { $count } espaces
}

## revisions

revisions-loading = Chargement…
revisions-newer = ← Plus récentes
revisions-older = Plus anciennes →
revisions-revised-this-gist = a révisé ce gist
revisions-large-diff-only-its-start = Diff volumineux : seul son début est affiché. Comparez les fichiers entiers :
revisions-before = avant
revisions-after = après
revisions-binary-file-changed = Fichier binaire modifié.
revisions-title = Révisions de { $title }
revisions-count = { $count ->
    [one] { $count } révision
   *[other] { $count } révisions
}
revisions-status-added = ajouté
revisions-status-deleted = supprimé
revisions-status-modified = modifié
revisions-status-renamed = renommé

## search

search-search-query = Requête de recherche
search-search-gists = Rechercher des gists
search-search = Rechercher
search-searching = Recherche…
search-sort = Trier :
search-best-match = Pertinence
search-recently-updated = Mis à jour récemment
search-languages = Langages
search-no-gists-match-try-fewer = Aucun gist ne correspond. Essayez moins de mots, ou retirez un filtre.
search-previous = ← Précédent
search-next = Suivant →
search-words-match-titles-descriptions-file = Les mots cherchent dans les titres, descriptions, noms de fichiers et le code ;
search-and = et
search-match-by-their-parts-too = correspondent aussi par leurs parties. Une expression entre guillemets :
search-narrow-with = Affinez avec
search-title = Recherche
search-title-query = { $query } · Recherche
search-found = { $count ->
    [one] { $count } gist trouvé
   *[other] { $count } gists trouvés
}

## second-factor

second-factor-two-factor-authentication = Authentification à deux facteurs
second-factor-this-sign-in-expired-or = Cette connexion a expiré ou a déjà servi.
second-factor-log-in-again = Se reconnecter
second-factor-open-your-authenticator-app-for = Ouvrez votre application d’authentification pour le code à 6 chiffres.
second-factor-verify = Vérifier
second-factor-or = ou
second-factor-use-a-passkey = Utiliser une clé d’accès
second-factor-sign-in-with-a-passkey = Se connecter avec une clé d’accès
second-factor-your-recovery-codes = Vos codes de récupération.
second-factor-keep-them-somewhere-safe-each = Gardez-les en lieu sûr : chacun vous connecte une fois si vous perdez votre téléphone ou votre clé d’accès. Ils ne seront plus affichés.
second-factor-download = Télécharger
second-factor-this-instance-requires-admins-to = Cette instance exige un second facteur pour les admins. Configurez une application d’authentification ou une clé d’accès pour continuer.
second-factor-authenticator-app = Application d’authentification
second-factor-an-authenticator-app-is-set = Une application d’authentification est configurée : la connexion par mot de passe demande son code.
second-factor-remove-the-authenticator-app = Retirer l’application d’authentification
second-factor-passkeys = Clés d’accès
second-factor-a-passkey-signs-you-in = Une clé d’accès vous connecte sans mot de passe, ou comme seconde étape après lui.
second-factor-name = Nom
second-factor-added = Ajoutée
second-factor-last-used = Dernière utilisation
second-factor-remove = Retirer
second-factor-passkey-name = Nom de la clé d’accès
second-factor-e-g-laptop = p. ex. portable
second-factor-keep-them-somewhere-safe-each-2 = Gardez-les en lieu sûr : chacun vous connecte une fois si vous perdez votre clé d’accès. Ils ne seront plus affichés.
second-factor-done = Terminé
second-factor-add-a-passkey = Ajouter une clé d’accès
second-factor-recovery-codes = Codes de récupération
second-factor-make-new-recovery-codes = Générer de nouveaux codes
second-factor-use-an-app-such-as = Utilisez une application comme Aegis, 1Password, Google Authenticator ou FreeOTP pour un code à 6 chiffres à chaque connexion.
second-factor-set-up-an-authenticator-app = Configurer une application d’authentification
second-factor-qr-code-of-the-authenticator = Code QR du secret d’authentification
second-factor-scan-the-code-with-your = Scannez le code avec votre application, ou saisissez-y ce secret :
second-factor-code-from-the-app = Code de l’application
second-factor-confirm = Confirmer
second-factor-signing-in-as = Connexion en tant que { $username }.
second-factor-code-or-recovery = Code d’authentification ou de récupération
second-factor-recovery-code = Code de récupération
second-factor-codes-left = { $count ->
    [one] { $count } code de récupération sur { $total } restant.
   *[other] { $count } codes de récupération sur { $total } restants.
}
second-factor-remove-named = Retirer la clé d’accès { $name }

## settings

settings-settings = Réglages
settings-loading = Chargement…
settings-log-in-to-change-your = Connectez-vous pour modifier vos réglages.
settings-log-in = Se connecter
settings-profile = Profil
settings-display-name = Nom affiché
settings-email = E-mail
settings-bio = Bio
settings-show-my-email-address-in = Montrer mon adresse e-mail dans les commits de mes gists (sinon ils portent
settings-as-anyone-who-clones-a = , car quiconque clone un gist public peut lire ses commits)
settings-save-profile = Enregistrer le profil
settings-password = Mot de passe
settings-current-password = Mot de passe actuel
settings-new-password = Nouveau mot de passe
settings-change-password = Changer le mot de passe
settings-delete-account = Supprimer le compte
settings-deletes-your-account-your-gists = Supprime votre compte, vos gists et leur historique. C’est irréversible.
settings-password-to-delete-the-account = Mot de passe pour supprimer le compte
settings-type-your-username-to-confirm = Saisissez votre nom d’utilisateur pour confirmer
settings-your-username-to-delete-the = Votre nom d’utilisateur, pour supprimer le compte
settings-delete-my-account = Supprimer mon compte
settings-access-tokens = Jetons d’accès
settings-tokens-let-scripts-and-github = Les jetons permettent aux scripts et aux clients GitHub d’utiliser l’API :
settings-your-new-token-copy-it = Votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.
settings-name = Nom
settings-e-g-laptop = p. ex. portable
settings-scopes = Portées
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Expire
settings-in-30-days = dans 30 jours
settings-in-90-days = dans 90 jours
settings-in-a-year = dans un an
settings-never = jamais
settings-create-token = Créer le jeton
settings-last-used = Dernière utilisation
settings-revoke = Révoquer
settings-linked-you-can-now-sign = Lié. Vous pouvez maintenant vous connecter avec.
settings-sign-in-providers = Fournisseurs de connexion
settings-unlink = Délier
settings-link = Lier
settings-username = Nom d’utilisateur
settings-your-sign-in-provider-chose = Votre fournisseur de connexion a choisi ce nom. Vous pouvez le changer une fois.
settings-keep-this-username = Garder ce nom d’utilisateur
settings-profile-saved = Profil enregistré.
settings-password-changed = Mot de passe changé.
settings-not-linked = Non lié
settings-linked-since = Lié depuis { $date }
settings-unlink-named = Délier { $name }
settings-link-named = Lier { $name }

## ssh-keys

ssh-keys-ssh-keys = Clés SSH
ssh-keys-keys-that-clone-and-push = Les clés qui clonent et poussent vos gists par SSH (Ed25519, ECDSA, ou RSA de 2048 bits ou plus).
ssh-keys-name = Nom
ssh-keys-fingerprint = Empreinte
ssh-keys-added = Ajoutée
ssh-keys-last-used = Dernière utilisation
ssh-keys-remove = Retirer
ssh-keys-key-name = Nom de la clé
ssh-keys-e-g-laptop = p. ex. portable
ssh-keys-public-key = Clé publique
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... vous@portable (le contenu de ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = Ajouter la clé SSH
ssh-keys-with-these-lines-in = Avec ces lignes dans
ssh-keys-works = fonctionne :
ssh-keys-remove-named = Retirer la clé SSH { $name }

## theme

theme-switch-to-light = Passer au thème clair
theme-switch-to-dark = Passer au thème sombre
theme-toggle = Changer de thème

## time

time-just-now = à l’instant
time-minutes-ago = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
}
time-hours-ago = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
}
time-days-ago = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}
time-months-ago = { $count ->
    [one] il y a { $count } mois
   *[other] il y a { $count } mois
}
time-years-ago = { $count ->
    [one] il y a { $count } an
   *[other] il y a { $count } ans
}
time-expires-soon = expire dans moins d’une minute
time-expires-minutes = { $count ->
    [one] expire dans { $count } minute
   *[other] expire dans { $count } minutes
}
time-expires-hours = { $count ->
    [one] expire dans { $count } heure
   *[other] expire dans { $count } heures
}
time-expires-days = { $count ->
    [one] expire dans { $count } jour
   *[other] expire dans { $count } jours
}

## visibility

visibility-public = public
visibility-unlisted = non répertorié
visibility-private = privé

## branding

admin-tab-branding = Image de marque
admin-brand-name = Nom de l’instance
admin-brand-name-help = Affiché dans l’en-tête, les titres de page et les intégrations. Laissez vide pour « Gistful ».
admin-brand-pinned = Défini par le fichier de configuration.
admin-brand-links = Liens du pied de page
admin-brand-links-help = Un par ligne : Libellé | https://adresse (ou un chemin de ce site, comme /about).
admin-brand-accent = Couleur d’accent
admin-brand-accent-blue = Bleu
admin-brand-accent-green = Vert
admin-brand-accent-purple = Violet
admin-brand-accent-orange = Orange
admin-brand-accent-red = Rouge
admin-brand-accent-pink = Rose
admin-brand-accent-teal = Sarcelle
admin-brand-theme = Thème par défaut
admin-brand-sort = Ordre par défaut des listes
admin-brand-soft-wrap = Retour à la ligne des longues lignes de code
admin-brand-soft-wrap-help = Pour les visiteurs sans compte ; chacun choisit le sien dans les Paramètres.
admin-brand-save = Enregistrer l’image de marque
admin-brand-saved = Image de marque enregistrée.
admin-brand-logo = Logo
admin-brand-favicon = Favicon
admin-brand-choose-file = Fichier image
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO ou SVG, { $kib } Kio au plus.
admin-brand-upload = Téléverser
admin-brand-remove = Supprimer
admin-brand-uploaded = Image enregistrée.
admin-brand-none = Aucune pour l’instant.
brand-refused-empty = Choisissez d’abord un fichier.
brand-refused-too-large = L’image dépasse { $kib } Kio.
brand-refused-too-many-pixels = L’image dépasse { $pixels } pixels de large ou de haut.
brand-refused-not-an-image = Ce fichier n’est pas une image PNG, JPEG, GIF, WebP, ICO ou SVG.
brand-refused-unsafe-svg = Le SVG contient des scripts, des gestionnaires d’événements ou des liens vers d’autres fichiers : il a été refusé.

admin-tab-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-user-intro = Adresses prévenues quand l’un de vos gists est créé, modifié, poussé, supprimé, mis en favori, forké ou commenté. Chaque requête est signée avec votre secret (HMAC-SHA256) dans
webhooks-instance-intro = Adresses prévenues de chaque gist public de cette instance. Chaque requête est signée avec le secret du webhook (HMAC-SHA256) dans
webhooks-url = URL de destination
webhooks-secret = Secret
webhooks-events = Événements
webhooks-add = Ajouter le webhook
webhooks-remove = Supprimer
webhooks-remove-named = Supprimer le webhook vers { $url }
webhooks-deliveries = Livraisons récentes
webhooks-none-yet = Aucune livraison pour l’instant.
webhooks-when = Quand
webhooks-event = Événement
webhooks-status = État
webhooks-response = Réponse
webhooks-attempts = Tentatives
webhooks-redeliver = Relivrer
webhooks-ping = Envoyer un ping
webhooks-ping-named = Envoyer un ping à { $url }
webhooks-status-pending = En attente
webhooks-status-delivered = Livré
webhooks-status-failed = Échec
