#!/usr/bin/env bash
# A private LDAP directory for the Playwright run: Debian's slapd with its own
# configuration and database under DIR (the system's slapd is never configured or run),
# loaded from people.ldif before it listens on 127.0.0.1:PORT, so that a listening port
# means a ready directory.
set -euo pipefail
dir=$1 port=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir"
mkdir -p "$dir/db"
dir=$(cd "$dir" && pwd)
cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $dir/slapd.pid
database mdb
maxsize 10485760
suffix "dc=corp,dc=example"
rootdn "cn=admin,dc=corp,dc=example"
rootpw admin-secret
directory $dir/db
CONF
slapadd -q -f "$dir/slapd.conf" -l "$here/people.ldif"
exec slapd -h "ldap://127.0.0.1:$port/" -f "$dir/slapd.conf" -d 0
