# Gistful em português do Brasil.

## admin

admin-loading = Carregando…
admin-admin = Administração
admin-administration = Administração
admin-the-configuration-file-turns-the = O arquivo de configuração desativa a API (api.enabled: false); isso prevalece sobre esta opção.
admin-save-settings = Salvar configurações
admin-could-not-load-the-users = Não foi possível carregar os usuários.
admin-user = Usuário
admin-email = E-mail
admin-role = Papel
admin-gists = Gists
admin-joined = Desde
admin-delete = Excluir
admin-you = você
admin-could-not-load-the-gists = Não foi possível carregar os gists.
admin-gist = Gist
admin-owner = Dono
admin-visibility = Visibilidade
admin-files = Arquivos
admin-updated = Atualizado
admin-previous = ← Anterior
admin-next = Próxima →
admin-consistency-check = Verificação de consistência
admin-compares-every-gist-in-the = Compara cada gist do banco de dados com seu repositório git e apenas relata; a tarefa “Verificar e reparar” acima (ou
admin-repairs-safely-while-the-server = ) repara, com segurança enquanto o servidor roda: nunca exclui e não mexe em gravações em andamento.
admin-run-consistency-check = Executar verificação
admin-tab-settings = Configurações
admin-tab-users = Usuários
admin-tab-gists = Gists
admin-tab-maintenance = Manutenção
admin-disable-signup = Desativar cadastro
admin-disable-signup-help = Ninguém pode se cadastrar; admins criam contas com o comando gistful admin create-user.
admin-require-login = Exigir login
admin-require-login-help = Toda página, chamada de API, arquivo bruto e clone exige um usuário conectado.
admin-allow-individual-gists = Permitir gists individuais sem login
admin-allow-individual-gists-help = Com “Exigir login”: um gist continua legível para quem tiver o link.
admin-api-enabled = API REST ativada
admin-api-enabled-help = Os endpoints /api para scripts e clientes de gist.
admin-require-admin-mfa = Exigir segundo fator dos admins
admin-require-admin-mfa-help = Admins sem app autenticador ou chave de acesso são levados a configurar um ao entrar e não podem usar este painel até fazê-lo.
admin-settings-saved = Configurações salvas.
admin-users-count = { $count ->
    [one] { $count } usuário
   *[other] { $count } usuários
}
admin-gists-count = { $count ->
    [one] { $count } gist
   *[other] { $count } gists
}
admin-role-admin = Admin
admin-role-user = Usuário
admin-demote = Rebaixar
admin-make-admin = Tornar admin
admin-confirm-delete-user = Excluir este usuário com todos os seus gists?
admin-confirm-delete-gist = Excluir este gist e seu histórico?
admin-page-of = Página { $page } de { $pages }
admin-report-count = { $title } ({ $count })
admin-checked-gists = { $count ->
    [one] { $count } gist verificado:
   *[other] { $count } gists verificados:
}
admin-consistent = tudo está consistente.
admin-problems-found = foram encontrados problemas.
admin-missing-repositories = Repositórios ausentes
admin-missing-repositories-help = Gists cujo repositório sumiu.
admin-orphan-repositories = Repositórios órfãos
admin-orphan-repositories-help = Repositórios aos quais nenhum gist se refere.
admin-stale-rows = Linhas desatualizadas
admin-stale-rows-help = Linhas que descrevem uma revisão diferente da cabeça do repositório.

## auth

auth-log-in = Entrar
auth-log-in-to-gistful = Entrar no Gistful
auth-username = Nome de usuário
auth-password = Senha
auth-new-here = Novo por aqui?
auth-create-an-account = Criar uma conta
auth-register = Cadastrar-se
auth-create-your-account = Crie sua conta
auth-email = E-mail
auth-create-account = Criar conta
auth-already-have-an-account = Já tem uma conta?
auth-or = ou
auth-sign-in-with = Entrar com { $provider }

## comments

comments-comments-are-turned-off-for = Os comentários estão desativados neste gist.
comments-comments = Comentários
comments-no-comments-yet = Ainda não há comentários.
comments-add-a-comment = Adicionar um comentário
comments-markdown-works-here = Markdown funciona aqui
comments-comment = Comentar
comments-log-in = Entre
comments-to-comment = para comentar.
comments-delete = Excluir
comments-edit-comment = Editar comentário
comments-save = Salvar
comments-cancel = Cancelar

## count

count-forks = { $count ->
    [one] { $count } fork
   *[other] { $count } forks
}
count-stars = { $count ->
    [one] { $count } estrela
   *[other] { $count } estrelas
}

## gist

gist-loading = Carregando…
gist-forked-from = fork de
gist-revisions = Revisões
gist-download-zip = Baixar ZIP
gist-log-in-to-star-or = Entre para favoritar ou fazer fork
gist-fork = Fazer fork
gist-edit = Editar
gist-delete = Excluir
gist-clone = Clonar
gist-clone-over = Clonar via
gist-https = HTTPS
gist-ssh = SSH
gist-download-it = Baixe-o
gist-view-it-raw = Ver bruto
gist-raw = Bruto
gist-download = Baixar
gist-new-gist = Novo gist
gist-create-a-gist = Criar um gist
gist-log-in-to-create-gists = Entre para criar gists.
gist-log-in = Entrar
gist-title = Título
gist-optional = Opcional
gist-description = Descrição
gist-what-is-this-gist-about = Sobre o que é este gist?
gist-create-gist = Criar gist
gist-edit-gist = Editar gist
gist-back-to-the-gist = Voltar ao gist
gist-log-in-to-edit-your = Entre para editar seus gists.
gist-cancel = Cancelar
gist-save-changes = Salvar alterações
gist-topics = Tópicos
gist-e-g-rust-cli-up = ex.: rust, cli (até 10)
gist-visibility = Visibilidade
gist-add-file = Adicionar arquivo
gist-filename-including-extension = Nome do arquivo com extensão…
gist-file-name = Nome do arquivo
gist-language = Linguagem
gist-remove = Remover
gist-binary-file-kept-as-it = Arquivo binário: mantido como está (renomeie ou remova aqui).
gist-file-content = Conteúdo do arquivo
gist-rendering = Renderizando…
gist-size-mb = { $size } MB
gist-size-kb = { $size } KB
gist-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
gist-files-count = { $count ->
    [one] { $count } arquivo
   *[other] { $count } arquivos
}
gist-embed = Incorporar
gist-copied = Copiado
gist-copy = Copiar
gist-unstar = ★ Desfavoritar
gist-star = ☆ Favoritar
gist-binary-file = { $count ->
    [one] Arquivo binário, { $count } byte.
   *[other] Arquivo binário, { $count } bytes.
}
gist-large-file = { $count ->
    [one] Este arquivo é grande ({ $size }): a primeira linha é exibida.
   *[other] Este arquivo é grande ({ $size }): as primeiras { $count } linhas são exibidas.
}
gist-language-auto = Automático ({ $language })
gist-preview = Visualizar

## job

job-reindex = Reindexar a busca
job-reindex-help = Esvazia o índice de busca deste servidor e indexa cada gist de novo; a busca continua funcionando e se atualiza no caminho.
job-repack = Reempacotar repositórios
job-repack-help = Empacota os objetos de cada repositório (git gc), um por vez enquanto o gist está bloqueado; nada alcançável é removido.
job-repair = Verificar e reparar
job-repair-help = Compara cada gist com seu repositório: linhas atrasadas são ressincronizadas, repositórios sem gist vão para lost+found, repositórios ausentes são relatados. Nada é excluído.
job-regenerate = Regenerar prévias e linguagens
job-regenerate-help = Reescreve as prévias e linguagens dos arquivos de cada gist a partir do repositório com as regras atuais; cabeças e datas não mudam.
job-purge-expired = Remover gists expirados
job-purge-expired-help = Exclui os gists cuja validade passou (eles já respondem 404 a todos).

## layout

layout-gistful = Gistful
layout-explore = Explorar
layout-search-gists = Buscar gists
layout-new-gist = Novo gist
layout-api = API
layout-admin = Administração
layout-settings = Configurações
layout-log-out = Sair
layout-log-in = Entrar
layout-register = Cadastrar-se
layout-language = Idioma do site
layout-change-language = Trocar

## lifecycle

lifecycle-options = Opções
lifecycle-expires = Expira
lifecycle-never = Nunca
lifecycle-at-the-date-below-utc = Na data abaixo (UTC)
lifecycle-date-utc = Data (UTC)
lifecycle-custom-url = URL personalizada
lifecycle-e-g-my-notes-optional = ex.: minhas-notas (opcional)
lifecycle-comments = Comentários
lifecycle-read-only = Somente leitura
lifecycle-archived = arquivado
lifecycle-pinned-gists = Gists fixados
lifecycle-pinned = Fixados
lifecycle-move-up = Mover para cima
lifecycle-move-down = Mover para baixo
lifecycle-unpin = Desafixar
lifecycle-keep = Manter: { $time }
lifecycle-in-days = { $count ->
    [one] Em { $count } dia
   *[other] Em { $count } dias
}
lifecycle-in-hours = { $count ->
    [one] Em { $count } hora
   *[other] Em { $count } horas
}
lifecycle-unarchive = Desarquivar
lifecycle-archive = Arquivar
lifecycle-pin = Fixar no perfil
lifecycle-unpin-profile = Desafixar do perfil

## lists

lists-explore = Explorar
lists-explore-public-gists = Explorar gists públicos
lists-topic = Tópico
lists-loading = Carregando…
lists-nobody-has-starred-this-gist = Ninguém favoritou este gist ainda.
lists-sort = Ordenar:
lists-recently-updated = Atualizados recentemente
lists-newest = Mais novos
lists-no-gists-here-yet = Ainda não há gists aqui.
lists-previous = ← Anterior
lists-next = Próxima →
lists-tab-gists = Gists
lists-tab-starred = Favoritos
lists-tab-forks = Forks
lists-topic-title = Tópico: { $topic }
lists-stargazers = Quem favoritou
lists-more-files = { $count ->
    [one] + { $count } arquivo a mais
   *[other] + { $count } arquivos a mais
}

## maintenance

maintenance-jobs = Tarefas
maintenance-one-job-runs-at-a = Uma tarefa roda por vez, em segundo plano; sair ou recarregar esta página não a interrompe.
maintenance-no-job-has-run-since = Nenhuma tarefa rodou desde que o servidor iniciou.
maintenance-progress = Progresso
maintenance-seconds = { $seconds } s
maintenance-minutes = { $minutes } min { $seconds } s
maintenance-state-running = em andamento
maintenance-state-finished = concluída
maintenance-state-failed = falhou
maintenance-counting = contando…
maintenance-done-of = { $done } de { $total }

## pages

pages-share-code-keep-its-history = Compartilhe código, guarde sua história.
pages-gistful-hosts-snippets-notes-and = O Gistful hospeda trechos, notas e arquivos pequenos. Cada gist é um repositório git:
pages-create-a-gist = Criar um gist
pages-explore-public-gists = Explorar gists públicos
pages-page-not-found = Página não encontrada
pages-there-is-nothing-here-the = Não há nada aqui. O gist pode ter sido excluído, ou é privado.
pages-go-home = Ir para o início
pages-no-such-page = Esta página não existe
pages-go-to-the-first-page = Ir para a primeira página
pages-edit-script-clone = edite-o aqui, automatize-o por uma API compatível com o GitHub, ou clone e envie com git.
pages-list-empty = Esta lista está vazia.
pages-list-pages = { $count ->
    [one] Esta lista tem só uma página.
   *[other] Esta lista tem { $count } páginas.
}

## preferences

preferences-preferences = Preferências
preferences-theme = Tema
preferences-wrap-long-lines-of-code = Quebrar linhas longas de código (em vez de rolar para o lado)
preferences-tab-width = Largura da tabulação
preferences-new-gists-start = Novos gists começam
preferences-save-preferences = Salvar preferências
preferences-saved = Preferências salvas.
preferences-theme-system = Igual ao sistema
preferences-theme-light = Claro
preferences-theme-dark = Escuro
preferences-spaces = { $count ->
    [one] { $count } espaço
   *[other] { $count } espaços
}

## revisions

revisions-loading = Carregando…
revisions-newer = ← Mais novas
revisions-older = Mais antigas →
revisions-revised-this-gist = revisou este gist
revisions-large-diff-only-its-start = Diff grande: só o início é exibido. Compare os arquivos inteiros:
revisions-before = antes
revisions-after = depois
revisions-binary-file-changed = Arquivo binário alterado.
revisions-title = Revisões de { $title }
revisions-count = { $count ->
    [one] { $count } revisão
   *[other] { $count } revisões
}
revisions-status-added = adicionado
revisions-status-deleted = excluído
revisions-status-modified = modificado
revisions-status-renamed = renomeado

## search

search-search-query = Termo de busca
search-search-gists = Buscar gists
search-search = Buscar
search-searching = Buscando…
search-sort = Ordenar:
search-best-match = Mais relevantes
search-recently-updated = Atualizados recentemente
search-languages = Linguagens
search-no-gists-match-try-fewer = Nenhum gist corresponde. Tente menos palavras ou remova um filtro.
search-previous = ← Anterior
search-next = Próxima →
search-words-match-titles-descriptions-file = As palavras buscam em títulos, descrições, nomes de arquivo e código;
search-and = e
search-match-by-their-parts-too = também casam por suas partes. Coloque uma frase entre aspas:
search-narrow-with = Refine com
search-title = Busca
search-title-query = { $query } · Busca
search-found = { $count ->
    [one] { $count } gist encontrado
   *[other] { $count } gists encontrados
}

## second-factor

second-factor-two-factor-authentication = Autenticação em dois fatores
second-factor-this-sign-in-expired-or = Este login expirou ou já foi usado.
second-factor-log-in-again = Entrar de novo
second-factor-open-your-authenticator-app-for = Abra seu app autenticador para ver o código de 6 dígitos.
second-factor-verify = Verificar
second-factor-or = ou
second-factor-use-a-passkey = Usar uma chave de acesso
second-factor-sign-in-with-a-passkey = Entrar com uma chave de acesso
second-factor-your-recovery-codes = Seus códigos de recuperação.
second-factor-keep-them-somewhere-safe-each = Guarde-os em local seguro: cada um permite entrar uma vez se você perder o celular ou a chave de acesso. Eles não serão mostrados de novo.
second-factor-download = Baixar
second-factor-this-instance-requires-admins-to = Esta instância exige um segundo fator dos admins. Configure um app autenticador ou uma chave de acesso para continuar.
second-factor-authenticator-app = App autenticador
second-factor-an-authenticator-app-is-set = Um app autenticador está configurado: entrar com senha pede o código dele.
second-factor-remove-the-authenticator-app = Remover o app autenticador
second-factor-passkeys = Chaves de acesso
second-factor-a-passkey-signs-you-in = Uma chave de acesso permite entrar sem senha, ou como segundo passo depois dela.
second-factor-name = Nome
second-factor-added = Adicionada
second-factor-last-used = Último uso
second-factor-remove = Remover
second-factor-passkey-name = Nome da chave de acesso
second-factor-e-g-laptop = ex.: notebook
second-factor-keep-them-somewhere-safe-each-2 = Guarde-os em local seguro: cada um permite entrar uma vez se você perder a chave de acesso. Eles não serão mostrados de novo.
second-factor-done = Pronto
second-factor-add-a-passkey = Adicionar chave de acesso
second-factor-recovery-codes = Códigos de recuperação
second-factor-make-new-recovery-codes = Gerar novos códigos
second-factor-use-an-app-such-as = Use um app como Aegis, 1Password, Google Authenticator ou FreeOTP para um código de 6 dígitos a cada login.
second-factor-set-up-an-authenticator-app = Configurar um app autenticador
second-factor-qr-code-of-the-authenticator = Código QR do segredo do autenticador
second-factor-scan-the-code-with-your = Escaneie o código com seu app, ou digite este segredo nele:
second-factor-code-from-the-app = Código do app
second-factor-confirm = Confirmar
second-factor-signing-in-as = Entrando como { $username }.
second-factor-code-or-recovery = Código de autenticação ou de recuperação
second-factor-recovery-code = Código de recuperação
second-factor-codes-left = { $count ->
    [one] Resta { $count } de { $total } códigos de recuperação.
   *[other] Restam { $count } de { $total } códigos de recuperação.
}
second-factor-remove-named = Remover a chave de acesso { $name }

## settings

settings-settings = Configurações
settings-loading = Carregando…
settings-log-in-to-change-your = Entre para mudar suas configurações.
settings-log-in = Entrar
settings-profile = Perfil
settings-display-name = Nome de exibição
settings-email = E-mail
settings-bio = Bio
settings-show-my-email-address-in = Mostrar meu e-mail nos commits dos meus gists (senão eles levam
settings-as-anyone-who-clones-a = , já que quem clona um gist público pode ler seus commits)
settings-save-profile = Salvar perfil
settings-password = Senha
settings-current-password = Senha atual
settings-new-password = Nova senha
settings-change-password = Trocar senha
settings-delete-account = Excluir conta
settings-deletes-your-account-your-gists = Exclui sua conta, seus gists e o histórico deles. Não pode ser desfeito.
settings-password-to-delete-the-account = Senha para excluir a conta
settings-type-your-username-to-confirm = Digite seu nome de usuário para confirmar
settings-your-username-to-delete-the = Seu nome de usuário, para excluir a conta
settings-delete-my-account = Excluir minha conta
settings-access-tokens = Tokens de acesso
settings-tokens-let-scripts-and-github = Tokens permitem que scripts e clientes do GitHub usem a API:
settings-your-new-token-copy-it = Seu novo token. Copie agora: ele não será mostrado de novo.
settings-name = Nome
settings-e-g-laptop = ex.: notebook
settings-scopes = Escopos
settings-gist-read = gist:read
settings-gist-write = gist:write
settings-user-read = user:read
settings-user-write = user:write
settings-expires = Expira
settings-in-30-days = em 30 dias
settings-in-90-days = em 90 dias
settings-in-a-year = em um ano
settings-never = nunca
settings-create-token = Criar token
settings-last-used = Último uso
settings-revoke = Revogar
settings-linked-you-can-now-sign = Vinculado. Agora você pode entrar com ele.
settings-sign-in-providers = Provedores de login
settings-unlink = Desvincular
settings-link = Vincular
settings-username = Nome de usuário
settings-your-sign-in-provider-chose = Seu provedor de login escolheu este nome. Você pode mudá-lo uma vez.
settings-keep-this-username = Manter este nome de usuário
settings-profile-saved = Perfil salvo.
settings-password-changed = Senha trocada.
settings-not-linked = Não vinculado
settings-linked-since = Vinculado desde { $date }
settings-unlink-named = Desvincular { $name }
settings-link-named = Vincular { $name }

## ssh-keys

ssh-keys-ssh-keys = Chaves SSH
ssh-keys-keys-that-clone-and-push = Chaves que clonam e enviam seus gists por SSH (Ed25519, ECDSA ou RSA de 2048 bits ou mais).
ssh-keys-name = Nome
ssh-keys-fingerprint = Impressão digital
ssh-keys-added = Adicionada
ssh-keys-last-used = Último uso
ssh-keys-remove = Remover
ssh-keys-key-name = Nome da chave
ssh-keys-e-g-laptop = ex.: notebook
ssh-keys-public-key = Chave pública
ssh-keys-ssh-ed25519-aaaa-you-laptop = ssh-ed25519 AAAA... voce@notebook (o conteúdo de ~/.ssh/id_ed25519.pub)
ssh-keys-add-ssh-key = Adicionar chave SSH
ssh-keys-with-these-lines-in = Com estas linhas em
ssh-keys-works = funciona:
ssh-keys-remove-named = Remover a chave SSH { $name }

## theme

theme-switch-to-light = Mudar para o tema claro
theme-switch-to-dark = Mudar para o tema escuro
theme-toggle = Alternar tema

## time

time-just-now = agora mesmo
time-minutes-ago = { $count ->
    [one] há { $count } minuto
   *[other] há { $count } minutos
}
time-hours-ago = { $count ->
    [one] há { $count } hora
   *[other] há { $count } horas
}
time-days-ago = { $count ->
    [one] há { $count } dia
   *[other] há { $count } dias
}
time-months-ago = { $count ->
    [one] há { $count } mês
   *[other] há { $count } meses
}
time-years-ago = { $count ->
    [one] há { $count } ano
   *[other] há { $count } anos
}
time-expires-soon = expira em menos de um minuto
time-expires-minutes = { $count ->
    [one] expira em { $count } minuto
   *[other] expira em { $count } minutos
}
time-expires-hours = { $count ->
    [one] expira em { $count } hora
   *[other] expira em { $count } horas
}
time-expires-days = { $count ->
    [one] expira em { $count } dia
   *[other] expira em { $count } dias
}

## visibility

visibility-public = público
visibility-unlisted = não listado
visibility-private = privado

## branding

admin-tab-branding = Marca
admin-brand-name = Nome da instância
admin-brand-name-help = Aparece no cabeçalho, nos títulos das páginas e nas incorporações. Deixe vazio para “Gistful”.
admin-brand-pinned = Definido pelo arquivo de configuração.
admin-brand-links = Links do rodapé
admin-brand-links-help = Um por linha: Rótulo | https://endereço (ou um caminho deste site, como /about).
admin-brand-accent = Cor de destaque
admin-brand-accent-blue = Azul
admin-brand-accent-green = Verde
admin-brand-accent-purple = Roxo
admin-brand-accent-orange = Laranja
admin-brand-accent-red = Vermelho
admin-brand-accent-pink = Rosa
admin-brand-accent-teal = Verde-azulado
admin-brand-theme = Tema padrão
admin-brand-sort = Ordem padrão das listas
admin-brand-soft-wrap = Quebrar linhas longas de código
admin-brand-soft-wrap-help = Para visitantes sem conta; cada pessoa escolhe o seu em Configurações.
admin-brand-save = Salvar marca
admin-brand-saved = Marca salva.
admin-brand-logo = Logotipo
admin-brand-favicon = Favicon
admin-brand-choose-file = Arquivo de imagem
admin-brand-image-help = PNG, JPEG, GIF, WebP, ICO ou SVG, no máximo { $kib } KiB.
admin-brand-upload = Enviar
admin-brand-remove = Remover
admin-brand-uploaded = Imagem salva.
admin-brand-none = Nenhuma ainda.
brand-refused-empty = Escolha um arquivo primeiro.
brand-refused-too-large = A imagem passa de { $kib } KiB.
brand-refused-too-many-pixels = A imagem passa de { $pixels } pixels de largura ou altura.
brand-refused-not-an-image = Esse arquivo não é uma imagem PNG, JPEG, GIF, WebP, ICO ou SVG.
brand-refused-unsafe-svg = O SVG contém scripts, manipuladores de eventos ou links para outros arquivos e foi recusado.

admin-tab-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-user-intro = Endereços avisados quando um dos seus gists é criado, editado, recebe push, é excluído, recebe estrela, é bifurcado ou comentado. Cada requisição é assinada com o seu segredo (HMAC-SHA256) em
webhooks-instance-intro = Endereços avisados sobre cada gist público desta instância. Cada requisição é assinada com o segredo do webhook (HMAC-SHA256) em
webhooks-url = URL de destino
webhooks-secret = Segredo
webhooks-events = Eventos
webhooks-add = Adicionar webhook
webhooks-remove = Remover
webhooks-remove-named = Remover o webhook para { $url }
webhooks-deliveries = Entregas recentes
webhooks-none-yet = Nenhuma entrega ainda.
webhooks-when = Quando
webhooks-event = Evento
webhooks-status = Situação
webhooks-response = Resposta
webhooks-attempts = Tentativas
webhooks-redeliver = Reenviar
webhooks-ping = Enviar ping
webhooks-ping-named = Enviar um ping para { $url }
webhooks-status-pending = Aguardando
webhooks-status-delivered = Entregue
webhooks-status-failed = Falhou
